"""The record of the build install.py runs in the background: build/building.json.

install.py writes it when it starts a build (under build/building.lock, so two launches at once start one build),
the build removes it when it has switched to its new core, or records its exit code when it failed; the WebUI
process reads it to wait for the build or to report its failure. A record whose process is gone without a word
(killed), or older than STALE_AFTER_SECONDS (its pid may belong to another process by now), is stale: ignored.
"""
from __future__ import annotations

import json
import os
import sys
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Callable

from . import paths
from .background_process import is_running

RECORD = paths.BUILD_ROOT / "building.json"
LOCK = paths.BUILD_ROOT / "building.lock"
LOG_PREFIX = "build-"
STALE_AFTER_SECONDS = 3600
LOCK_ATTEMPTS = 100
LOCK_RETRY_SECONDS = 0.1


@dataclass(frozen=True)
class Building:
    pid: int  # the build's own process
    core: str  # the folder it builds into, e.g. "core-3"
    log: str  # its log's file name under build/, e.g. "build-3.log"
    pythonnet: str  # what it builds: the pythonnet release, for the Python "major.minor"
    python: str
    started: float  # time.time() when install.py started it
    exit: int | None = None  # the build's exit code once it failed

    @property
    def log_path(self) -> Path:
        return paths.BUILD_ROOT / self.log

    @property
    def failed(self) -> bool:
        return self.exit is not None

    def running(self, now: float | None = None) -> bool:
        if self.failed:
            return False
        age = (time.time() if now is None else now) - self.started
        return age < STALE_AFTER_SECONDS and is_running(self.pid)


def log_name(core_folder: str) -> str:
    """build-<n>.log for core-<n>: the log sits beside the folder, which a failed build removes."""
    return LOG_PREFIX + core_folder[len(paths.CORE_FOLDER_PREFIX):] + ".log"


def read() -> Building | None:
    """The record, or None when there is none or it cannot be read (a damaged one is as good as none)."""
    try:
        data = json.loads(RECORD.read_text(encoding="utf-8"))
        building = Building(**data)
    except (OSError, ValueError, TypeError):
        return None
    if (not isinstance(building.pid, int) or not isinstance(building.started, (int, float))
            or Path(building.core).name != building.core or Path(building.log).name != building.log):
        return None
    return building


def running() -> Building | None:
    """The build under way, or None."""
    building = read()
    return building if building is not None and building.running() else None


def start(spawn: Callable[[], Building]) -> tuple[Building, bool]:
    """The build under way and False, or else the one spawn() starts (recorded before the lock is let go) and True."""
    paths.BUILD_ROOT.mkdir(parents=True, exist_ok=True)
    with _exclusive(LOCK):
        under_way = running()
        if under_way is not None:
            return under_way, False
        building = spawn()
        _write(building)
    for old_log in paths.BUILD_ROOT.glob(f"{LOG_PREFIX}*.log"):
        if old_log.name != building.log:
            old_log.unlink(missing_ok=True)
    return building, True


def finish(core_folder: str, exit_code: int) -> None:
    """Called by the build into `core_folder` as it ends: 0 removes the record, anything else keeps it with the exit
    code. Only the build's own record is touched, found by its folder, not its pid (on Windows a venv's python.exe
    starts the real interpreter as a child: the recorded pid is the launcher's)."""
    with _exclusive(LOCK):
        building = read()
        if building is None or building.core != core_folder:
            return
        if exit_code == 0:
            RECORD.unlink(missing_ok=True)
        else:
            _write(replace(building, exit=exit_code))


def _write(building: Building) -> None:
    pending = RECORD.with_name(f"{RECORD.name}.{os.getpid()}.new")
    pending.write_text(json.dumps(asdict(building)) + "\n", encoding="utf-8")
    os.replace(pending, RECORD)


@contextmanager
def _exclusive(lock_path: Path):
    """Hold lock_path exclusively (between processes) for the block."""
    with open(lock_path, "a+b") as lock:
        if sys.platform == "win32":
            import msvcrt

            for attempt in range(LOCK_ATTEMPTS):
                try:
                    lock.seek(0)
                    msvcrt.locking(lock.fileno(), msvcrt.LK_NBLCK, 1)
                    break
                except OSError:
                    if attempt == LOCK_ATTEMPTS - 1:
                        raise
                    time.sleep(LOCK_RETRY_SECONDS)
            try:
                yield
            finally:
                lock.seek(0)
                msvcrt.locking(lock.fileno(), msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock.fileno(), fcntl.LOCK_UN)
