"""The versioned core folders under build/: a new one per build, an atomic switch, and removal of unused ones.

A running core holds its folder's in-use.lock (a shared flock on Linux and macOS; on Windows its loaded DLLs
already keep the folder from being renamed). install.py removes an old folder only after taking that lock
exclusively (Linux, macOS) or renaming the folder aside (Windows), so a WebUI still running an old build keeps it.
"""
from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

from . import paths

REMOVING_SUFFIX = ".removing"
SWITCH_ATTEMPTS = 5
SWITCH_RETRY_SECONDS = 0.05
_held = []  # open lock files of the core this process runs: kept open (and locked) until the process ends


def new_core_folder() -> paths.CoreBuild:
    """A fresh, empty folder build/core-<n>, n one above any existing one."""
    paths.BUILD_ROOT.mkdir(parents=True, exist_ok=True)
    numbers = [int(entry.name[len(paths.CORE_FOLDER_PREFIX):].split(".")[0])
               for entry in paths.BUILD_ROOT.iterdir()
               if entry.name.startswith(paths.CORE_FOLDER_PREFIX)
               and entry.name[len(paths.CORE_FOLDER_PREFIX):].split(".")[0].isdigit()]
    folder = paths.BUILD_ROOT / f"{paths.CORE_FOLDER_PREFIX}{max(numbers, default=0) + 1}"
    folder.mkdir()
    return paths.CoreBuild(folder)


def switch_to(core: paths.CoreBuild) -> None:
    """Make `core` the one in use: write its name beside build/core.current, then rename over it (atomic)."""
    pending = paths.CURRENT_CORE_FILE.with_name(paths.CURRENT_CORE_FILE.name + ".new")
    pending.write_text(core.folder.name + "\n", encoding="utf-8")
    for attempt in range(SWITCH_ATTEMPTS):
        try:
            os.replace(pending, paths.CURRENT_CORE_FILE)
            return
        except PermissionError:
            # Windows refuses the rename while a starting WebUI has the file open to read it (a few microseconds).
            if attempt == SWITCH_ATTEMPTS - 1:
                raise
            time.sleep(SWITCH_RETRY_SECONDS)


def hold(core: paths.CoreBuild) -> str | None:
    """Mark `core` as in use by this process until it exits. Returns why it could not, or None."""
    try:
        lock = open(core.in_use_lock, "a+b")  # noqa: SIM115 - kept open for the life of the process
    except OSError as error:
        return f"cannot mark {core.folder} as in use ({error}); a rebuild may remove it while this WebUI runs"
    if sys.platform != "win32":
        import fcntl

        try:
            fcntl.flock(lock.fileno(), fcntl.LOCK_SH)
        except OSError as error:
            lock.close()
            return f"cannot lock {core.in_use_lock} ({error}); a rebuild may remove it while this WebUI runs"
    _held.append(lock)
    return None


def remove_unused(keep: paths.CoreBuild) -> list[str]:
    """Remove every other core folder no process uses. Best effort: returns one line per folder kept or failed."""
    notes = []
    if not paths.BUILD_ROOT.is_dir():
        return notes
    for entry in sorted(paths.BUILD_ROOT.iterdir()):
        if entry == keep.folder or not entry.is_dir() or not _is_core_folder(entry):
            continue
        note = _remove(entry)
        if note:
            notes.append(note)
    return notes


def _is_core_folder(entry: Path) -> bool:
    return entry == paths.LEGACY_CORE_DIR or entry.name.startswith(paths.CORE_FOLDER_PREFIX)


def _remove(folder: Path) -> str | None:
    if not folder.name.endswith(REMOVING_SUFFIX):
        if sys.platform != "win32" and _locked_by_a_running_core(paths.CoreBuild(folder)):
            return f"kept {folder.name}: a running WebUI still uses it"
        aside = folder.with_name(folder.name + REMOVING_SUFFIX)
        try:
            # On Windows the rename fails while any process has a DLL of the folder loaded.
            os.rename(folder, aside)
        except OSError as error:
            return f"kept {folder.name}: it is in use ({error.strerror or error})"
        folder = aside
    try:
        shutil.rmtree(folder)
    except OSError as error:
        return f"could not remove {folder.name} ({error.strerror or error}); it is retried after the next build"
    return None


def _locked_by_a_running_core(core: paths.CoreBuild) -> bool:
    import fcntl

    if not core.in_use_lock.is_file():
        return False
    with open(core.in_use_lock, "a+b") as lock:
        try:
            fcntl.flock(lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(lock.fileno(), fcntl.LOCK_UN)
    return False
