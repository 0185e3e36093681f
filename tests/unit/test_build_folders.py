"""Versioned core folders: a new one per build, an atomic switch, old ones removed only when no WebUI uses them."""
import errno
import fcntl
import os
import sys

import pytest

from sd_job_tracker import build_folders, paths


@pytest.fixture
def build_root(monkeypatch, tmp_path):
    root = tmp_path / "build"
    monkeypatch.setattr(paths, "BUILD_ROOT", root)
    monkeypatch.setattr(paths, "CURRENT_CORE_FILE", root / "core.current")
    monkeypatch.setattr(paths, "LEGACY_CORE_DIR", root / "core")
    return root


def built(core):
    core.folder.mkdir(parents=True, exist_ok=True)
    for file in (core.assembly, core.python_runtime):
        file.write_bytes(b"dll")
    return core


def test_without_a_pointer_the_pre_versioning_folder_is_current(build_root):
    assert paths.current_core().folder == build_root / "core"


def test_each_build_gets_the_next_folder_and_the_switch_moves_the_pointer(build_root):
    first = build_folders.new_core_folder()
    build_folders.switch_to(first)
    second = build_folders.new_core_folder()
    assert (first.folder.name, second.folder.name) == ("core-1", "core-2")
    assert paths.current_core() == first, "a folder being built is not current until the switch"
    build_folders.switch_to(second)
    assert paths.current_core() == second
    assert sorted(entry.name for entry in build_root.iterdir()) == ["core-1", "core-2", "core.current"]


@pytest.mark.parametrize("pointer", ["../elsewhere", "/etc", "", "a/b"])
def test_a_damaged_pointer_never_leads_outside_build(build_root, pointer):
    build_root.mkdir()
    (build_root / "core.current").write_text(pointer)
    assert paths.current_core().folder == build_root / "core"


def test_unused_builds_are_removed_and_the_kept_one_stays(build_root):
    built(paths.CoreBuild(build_root / "core"))
    old = built(build_folders.new_core_folder())
    current = built(build_folders.new_core_folder())
    (build_root / "not-ours").mkdir()
    assert build_folders.remove_unused(keep=current) == []
    assert sorted(entry.name for entry in build_root.iterdir()) == ["core-2", "not-ours"]
    assert not old.folder.exists() and current.assembly.is_file()


@pytest.mark.skipif(sys.platform == "win32", reason="flock: Linux and macOS")
def test_a_build_a_running_core_holds_is_kept(build_root):
    old = built(build_folders.new_core_folder())
    current = built(build_folders.new_core_folder())
    with open(old.in_use_lock, "a+b") as lock:  # another process's build_folders.hold(old)
        fcntl.flock(lock.fileno(), fcntl.LOCK_SH)
        assert build_folders.remove_unused(keep=current) == ["kept core-1: a running WebUI still uses it"]
        assert old.assembly.is_file()
    assert build_folders.remove_unused(keep=current) == []
    assert not old.folder.exists()


def test_hold_takes_a_shared_lock_that_keeps_the_folder(build_root):
    held = built(build_folders.new_core_folder())
    current = built(build_folders.new_core_folder())
    assert build_folders.hold(held) is None
    try:
        assert build_folders.remove_unused(keep=current) == ["kept core-1: a running WebUI still uses it"]
    finally:
        build_folders._held.pop().close()


def test_windows_keeps_a_folder_whose_dlls_are_loaded(build_root, monkeypatch):
    monkeypatch.setattr(sys, "platform", "win32")
    in_use = built(build_folders.new_core_folder())
    unused = built(build_folders.new_core_folder())
    current = built(build_folders.new_core_folder())
    real_rename = os.rename

    def rename(source, target):
        if os.fspath(source) == os.fspath(in_use.folder):  # what Windows does while Python.Runtime.dll is loaded
            raise PermissionError(errno.EACCES, "The process cannot access the file because it is being used by "
                                                "another process")
        real_rename(source, target)

    monkeypatch.setattr(build_folders.os, "rename", rename)
    notes = build_folders.remove_unused(keep=current)
    assert notes == ["kept core-1: it is in use (The process cannot access the file because it is being used by "
                     "another process)"]
    assert in_use.assembly.is_file() and not unused.folder.exists()


def test_a_folder_left_half_removed_is_removed_later(build_root):
    current = built(build_folders.new_core_folder())
    leftover = build_root / "core-1.removing"
    (leftover / "sub").mkdir(parents=True)
    assert build_folders.remove_unused(keep=current) == []
    assert not leftover.exists()


def test_the_switch_retries_while_windows_has_the_pointer_open(build_root, monkeypatch):
    core = build_folders.new_core_folder()
    refusals = [PermissionError(errno.EACCES, "being used by another process")] * 2
    real_replace = os.replace

    def replace(source, target):
        if refusals:
            raise refusals.pop()
        real_replace(source, target)

    monkeypatch.setattr(build_folders.os, "replace", replace)
    monkeypatch.setattr(build_folders, "SWITCH_RETRY_SECONDS", 0)
    build_folders.switch_to(core)
    assert paths.current_core() == core
