"""How install.py's background build is detached on each platform, and how a running one is recognised."""
import os
import subprocess
import sys
from types import SimpleNamespace

from sd_job_tracker import background_process

FAKE_WINDOWS_FLAGS = SimpleNamespace(DETACHED_PROCESS=0x10, CREATE_NEW_PROCESS_GROUP=0x1000, CREATE_NO_WINDOW=0x4)


def test_on_windows_the_build_gets_no_console_and_a_process_group_of_its_own():
    assert background_process.detached_options("win32", FAKE_WINDOWS_FLAGS) == {"creationflags": 0x1010}
    assert background_process.no_window_options("win32", FAKE_WINDOWS_FLAGS) == {"creationflags": 0x4}


def test_on_windows_without_the_constants_the_documented_values_serve():
    assert background_process.detached_options("win32", SimpleNamespace()) == {"creationflags": 0x00000208}


def test_on_linux_and_macos_the_build_gets_a_session_of_its_own():
    for platform in ("linux", "darwin"):
        assert background_process.detached_options(platform, FAKE_WINDOWS_FLAGS) == {"start_new_session": True}
        assert background_process.no_window_options(platform, FAKE_WINDOWS_FLAGS) == {}


def test_a_detached_process_outlives_nothing_of_its_starter(tmp_path):
    log = tmp_path / "build-1.log"
    log.write_text("an earlier build's log\n")
    pid = background_process.start_detached(
        [sys.executable, "-c", "import os; print(os.getsid(0) == os.getpid(), flush=True)"], log, tmp_path)
    assert pid != os.getpid()
    os.waitpid(pid, 0)
    assert log.read_text() == "True\n", "its own session, its output in the (emptied) log"


def test_this_process_runs_and_a_finished_one_does_not():
    assert background_process.is_running(os.getpid())
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    assert not background_process.is_running(process.pid)
    assert not background_process.is_running(0) and not background_process.is_running(-1)
