"""Loading: both WebUI start-up orders, a fast no-op install.py, and no .NET = no tracking, WebUI fine."""
import shutil
import subprocess
import sys
import textwrap

from api_client import get_job, payload, txt2img
from repo import REPO
from support.standin_server import StandinServer

sys.path.insert(0, str(REPO / "extension"))
from sd_job_tracker.paths import current_core  # noqa: E402


def test_ui_mode_installs_the_middleware_on_a_live_server(tracker):
    server = tracker(nowebui=False)
    response = txt2img(server.base_url, payload())
    assert response.status_code == 200
    job = get_job(server.base_url, response.headers["x-job-id"]).json()
    assert job["status"] == "Completed"
    server.assert_no_tracker_errors()


def test_install_is_a_no_op_once_built(built_extension):
    stamp = current_core().stamp
    built_at = stamp.stat().st_mtime_ns
    result = subprocess.run([sys.executable, str(REPO / "install.py")], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert result.stdout == "" and result.stderr == ""
    assert stamp.stat().st_mtime_ns == built_at


def test_unbuilt_extension_logs_once_and_the_webui_runs_on(tmp_path):
    # Neither an SDK build nor the prebuilt core (its no-SDK route is tests/e2e/test_install_without_dotnet.py).
    unbuilt = tmp_path / "sd-job-tracker"
    for part in ("scripts", "extension"):
        shutil.copytree(REPO / part, unbuilt / part, ignore=shutil.ignore_patterns("__pycache__", "prebuilt"))

    with StandinServer(extensions=[unbuilt], env={"TRACKER_ENABLED": "1", "TRACKER_DATA_DIR": str(tmp_path / "d")},
                       log_path=tmp_path / "unbuilt.log") as webui:
        response = txt2img(webui.base_url, payload())
        assert response.status_code == 200
        assert "x-job-id" not in response.headers
        log = webui.log_text()
    assert log.count("[Job Tracker] disabled") == 1
    assert "install.py" in log


def test_missing_dotnet_is_one_readable_error(tmp_path):
    # Self-contained: its own runtimeconfig.json and Python.Runtime.dll stand-ins, not whatever build/ holds now.
    runtime_config = tmp_path / "JobTracker.runtimeconfig.json"
    runtime_config.write_text('{"runtimeOptions": {"framework": {"name": "Microsoft.NETCore.App", "version": "10.0.0"}}}')
    python_runtime = tmp_path / "Python.Runtime.dll"
    python_runtime.write_bytes(b"not loaded: no .NET is found before it would be")
    probe = textwrap.dedent(f"""
        import sys
        from pathlib import Path
        sys.path.insert(0, {str(REPO / "extension")!r})
        from sd_job_tracker import clr_host
        clr_host.find_hostfxrs = lambda major, extra_roots: []
        clr_host.roots_with_hostfxr_only = lambda major, extra_roots: []
        try:
            clr_host.start_clr(Path({str(runtime_config)!r}), Path({str(python_runtime)!r}))
        except clr_host.ClrStartError as error:
            print(error)
    """)
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert "no .NET installation was found" in result.stdout, result.stdout + result.stderr
    assert "install the .NET 10 runtime" in result.stdout
