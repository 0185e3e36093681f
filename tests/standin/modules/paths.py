"""The public names A1111 extensions import from modules.paths."""
from modules.paths_internal import (  # noqa: F401 (re-exported)
    cwd,
    data_path,
    default_output_dir,
    extensions_builtin_dir,
    extensions_dir,
    models_path,
    script_path,
)
