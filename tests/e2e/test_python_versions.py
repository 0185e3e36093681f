"""The core starts through the real bridge under every CPython on this machine, or says in one line why not.

Each interpreter runs tests/support/bridge_driver.py in its own process (one CLR per process): it starts the core
built by install.py (under Debian's Python 3.11, so with pythonnet 3.2.1, which serves CPython 3.11 to 3.15) and
makes two round trips into C#. Python 3.10 needs pythonnet 3.1.0, which this machine's NuGet does not serve: there
the tracker must stay off with one clear line, never pythonnet's "Python ABI v3.10 is not supported".
"""
import json
import os
import shutil
import subprocess
import sys

import pytest

from repo import REPO

DRIVER = REPO / "tests" / "support" / "bridge_driver.py"
INTERPRETERS = {
    "3.10": "/root/.pyenv/versions/3.10.13/bin/python3",
    "3.11": "/usr/bin/python3",
    "3.12": "/root/.pyenv/versions/3.12.1/bin/python3",
    "3.13": "/root/.pyenv/versions/3.13.0/bin/python3",
}


def interpreter(minor):
    python = INTERPRETERS[minor]
    if not os.path.exists(python):
        pytest.skip(f"no CPython {minor} at {python}")
    return python


def run_driver(python, tmp_path):
    env = {**os.environ, "TRACKER_DATA_DIR": str(tmp_path / "data"), "PYTHONPATH": ""}
    result = subprocess.run([python, str(DRIVER), str(REPO)], capture_output=True, text=True, env=env, timeout=120,
                            cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1]), result.stderr


@pytest.mark.parametrize("minor", ["3.11", "3.12", "3.13"])
def test_the_core_starts_and_answers_under(minor, built_extension, tmp_path):
    answer, log = run_driver(interpreter(minor), tmp_path)
    assert answer["python"].startswith(minor + ".")
    assert answer["started"], log
    assert answer["settings"]["data_dir"] == str(tmp_path / "data")
    assert answer["settings"]["tracking_enabled"] is False
    assert answer["missing_job"] == {"status": 404, "body": {"error": "NotFound", "detail": "Job AbCd1234 not found"}}
    assert "Traceback" not in log and "disabled" not in log


def test_python_3_10_gets_one_clear_line_instead_of_an_abi_error(built_extension, tmp_path):
    answer, log = run_driver(interpreter("3.10"), tmp_path)
    assert answer["started"] is False
    lines = [line for line in log.splitlines() if line.strip()]
    assert len(lines) == 1, log
    assert lines[0].startswith("[Job Tracker] disabled: Python 3.10.13 needs pythonnet 3.1.0, but the core was built "
                               "with pythonnet 3.2.1")
    assert "restart the WebUI" in lines[0]
    assert "ABI" not in log and "Traceback" not in log


def test_install_under_python_3_10_asks_nuget_for_pythonnet_3_1_0(tmp_path):
    """The real SDK and this machine's NuGet: the one line if NuGet lacks 3.1.0 (it does here), a 3.1.0 build if not."""
    python = interpreter("3.10")
    copy = tmp_path / "sd-job-tracker"
    copy.mkdir()
    shutil.copy(REPO / "install.py", copy / "install.py")
    shutil.copytree(REPO / "extension", copy / "extension", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(REPO / "dotnet", copy / "dotnet", ignore=shutil.ignore_patterns("bin", "obj", "*.Tests",
                                                                                  "*.Benchmarks"))
    result = subprocess.run([python, str(copy / "install.py"), "--wait"], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    pointer = copy / "build" / "core.current"
    if pointer.exists():
        stamp = json.loads((copy / "build" / pointer.read_text().strip() / "build.stamp").read_text())
        assert stamp["pythonnet"] == "3.1.0" and stamp["python"] == "3.10"
    else:
        assert "[Job Tracker] Python 3.10.13 needs pythonnet 3.1.0, which NuGet could not supply" in result.stdout
        assert "NU1102" not in result.stdout + result.stderr, "NuGet's own error is replaced by the one line"
        assert not any((copy / "build").iterdir()), "the half-built folder is removed"
