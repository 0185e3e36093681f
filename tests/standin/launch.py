"""`import launch` for extensions' install.py (found through PYTHONPATH=<webui root>)."""
from modules.launch_utils import (  # noqa: F401 (the names install.py scripts use)
    args,
    dir_repos,
    git,
    index_url,
    is_installed,
    python,
    run,
    run_extension_installer,
    run_pip,
)
