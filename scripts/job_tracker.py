"""Job Tracker's entry file, imported by the WebUI. It only wires callbacks.

The extension's package lives in extension/sd_job_tracker. A1111 puts this extension's
folder on sys.path only while importing this file, so the package is loaded by path once
and kept in sys.modules (Reload UI re-runs this file, not the package).
"""
import importlib.util
import sys
from pathlib import Path

PACKAGE = "sd_job_tracker"


def _load_package():
    if PACKAGE in sys.modules:
        return sys.modules[PACKAGE]
    package_dir = Path(__file__).resolve().parents[1] / "extension" / PACKAGE
    spec = importlib.util.spec_from_file_location(
        PACKAGE, package_dir / "__init__.py", submodule_search_locations=[str(package_dir)])
    module = importlib.util.module_from_spec(spec)
    sys.modules[PACKAGE] = module
    spec.loader.exec_module(module)
    return module


_load_package()
from sd_job_tracker import lifecycle, tab  # noqa: E402 - loaded by path just above
from modules import script_callbacks  # noqa: E402

script_callbacks.on_app_started(lifecycle.on_app_started)
script_callbacks.on_ui_tabs(tab.on_ui_tabs)  # the "Job Tracker" tab
