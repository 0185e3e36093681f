"""A process started to outlive its starter (install.py's background build), and whether one is still running.

A1111 reads install.py's output until the pipe closes (modules/launch_utils.py:89-118, v1.10.1), so the build it
starts must hold none of install.py's handles: its output goes to a log file, its input is null, and it runs in a
session (POSIX) or process group without a console (Windows) of its own, so Ctrl+C in the WebUI's console does
not stop it half-way and closing that console does not kill it.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

# Windows' process creation flags (winbase.h), read from subprocess where it has them.
DETACHED_PROCESS = 0x00000008
CREATE_NEW_PROCESS_GROUP = 0x00000200
CREATE_NO_WINDOW = 0x08000000
STILL_ACTIVE = 259
PROCESS_QUERY_LIMITED_INFORMATION = 0x1000
ERROR_ACCESS_DENIED = 5


def detached_options(platform: str = sys.platform, flags=subprocess) -> dict:
    """Popen keyword arguments that detach the child from its starter on `platform` (`flags`: where the
    Windows constants are read from; subprocess has them only on Windows)."""
    if platform == "win32":
        return {"creationflags": getattr(flags, "DETACHED_PROCESS", DETACHED_PROCESS)
                | getattr(flags, "CREATE_NEW_PROCESS_GROUP", CREATE_NEW_PROCESS_GROUP)}
    return {"start_new_session": True}


def no_window_options(platform: str = sys.platform, flags=subprocess) -> dict:
    """For a console program run by a detached process: on Windows it would otherwise open a console window."""
    if platform == "win32":
        return {"creationflags": getattr(flags, "CREATE_NO_WINDOW", CREATE_NO_WINDOW)}
    return {}


def start_detached(command: list[str], log: Path, cwd: Path) -> int:
    """Start `command` detached, its output written to `log` (emptied first); returns its pid."""
    with open(log, "wb") as output:
        process = subprocess.Popen(command, cwd=cwd, stdin=subprocess.DEVNULL, stdout=output,
                                   stderr=subprocess.STDOUT, close_fds=True, **detached_options())
    return process.pid


def is_running(pid: int) -> bool:
    """Whether a process with this pid runs (a zombie does not: on Linux it is read from /proc)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        return _windows_is_running(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process: it exists
    try:
        # /proc/<pid>/stat: "pid (name) state ..."; the name may hold spaces and parentheses.
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True  # no /proc (macOS): os.kill said it exists
    return stat.rsplit(")", 1)[-1].split()[:1] != ["Z"]


def _windows_is_running(pid: int) -> bool:
    import ctypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    handle = kernel32.OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, False, pid)
    if not handle:
        return ctypes.get_last_error() == ERROR_ACCESS_DENIED
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)
