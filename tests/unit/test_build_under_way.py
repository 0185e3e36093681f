"""The record of install.py's background build: one build at a time, stale records ignored, the outcome kept."""
import json
import os
import subprocess
import sys
import threading
import time

import pytest

from sd_job_tracker import build_under_way, paths
from sd_job_tracker.build_under_way import Building


@pytest.fixture(autouse=True)
def build_root(tmp_path, monkeypatch):
    root = tmp_path / "build"
    monkeypatch.setattr(paths, "BUILD_ROOT", root)
    monkeypatch.setattr(build_under_way, "RECORD", root / "building.json")
    monkeypatch.setattr(build_under_way, "LOCK", root / "building.lock")
    return root


def a_build(pid=None, core="core-1", **changes):
    fields = dict(pid=os.getpid() if pid is None else pid, core=core, log=build_under_way.log_name(core),
                  pythonnet="3.2.1", python="3.11", started=time.time())
    fields.update(changes)
    return Building(**fields)


def dead_pid():
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_the_log_is_named_after_the_core_folder():
    assert build_under_way.log_name("core-12") == "build-12.log"


def test_a_launch_during_a_build_gets_the_build_under_way_and_spawns_nothing():
    first, started = build_under_way.start(a_build)
    assert started and build_under_way.read() == first
    spawned = []
    second, started_again = build_under_way.start(lambda: spawned.append(1) or a_build(core="core-2"))
    assert not started_again and second == first and spawned == []


def test_a_record_of_a_dead_process_is_stale_and_a_new_build_starts():
    build_under_way.start(lambda: a_build(pid=dead_pid()))
    assert build_under_way.running() is None
    fresh, started = build_under_way.start(lambda: a_build(core="core-2"))
    assert started and build_under_way.read() == fresh


def test_a_record_older_than_any_build_is_stale_even_if_its_pid_is_in_use_again():
    old = a_build(started=time.time() - build_under_way.STALE_AFTER_SECONDS - 1)
    build_under_way.start(lambda: old)
    assert not old.running() and build_under_way.running() is None


def test_a_zombie_is_not_a_running_build():
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    deadline = time.monotonic() + 30
    while Building.running(a_build(pid=process.pid)):  # exits, unreaped: a zombie until wait()
        assert time.monotonic() < deadline, "the child never exited"
        time.sleep(0.01)
    process.wait()


def test_two_launches_at_once_start_one_build():
    spawned = []
    barrier = threading.Barrier(4)
    results = []

    def spawn():
        spawned.append(threading.current_thread().name)
        time.sleep(0.2)  # as long as starting a process may take: the others must wait on the lock, not spawn
        return a_build()

    def launch():
        barrier.wait()
        results.append(build_under_way.start(spawn))

    threads = [threading.Thread(target=launch, name=f"launch-{n}") for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(spawned) == 1 and len(results) == 4
    assert sorted(started for _, started in results) == [False, False, False, True]
    assert len({building for building, _ in results}) == 1


def test_a_successful_build_removes_its_record_and_a_failed_one_keeps_its_exit_code():
    build_under_way.start(a_build)
    build_under_way.finish("core-1", 4)
    failed = build_under_way.read()
    assert failed.failed and failed.exit == 4 and not failed.running()
    fresh, started = build_under_way.start(lambda: a_build(core="core-2"))
    assert started, "a failed build is retried at the next launch"
    build_under_way.finish("core-2", 0)
    assert build_under_way.read() is None


def test_a_build_touches_only_its_own_record():
    build_under_way.start(lambda: a_build(core="core-2"))
    build_under_way.finish("core-1", 1)  # a killed build's successor took the record
    assert build_under_way.read().exit is None
    build_under_way.finish("core-2", 1)  # found by its folder, whatever its pid (a venv launcher's on Windows)
    assert build_under_way.read().exit == 1


def test_a_damaged_record_counts_as_none(build_root):
    build_root.mkdir()
    for text in ("not json", "[]", json.dumps({"pid": "12"}), json.dumps(
            {"pid": 1, "core": "../elsewhere", "log": "build-1.log", "pythonnet": "3.2.1", "python": "3.11",
             "started": 0})):
        build_under_way.RECORD.write_text(text)
        assert build_under_way.read() is None, text


def test_older_logs_go_when_a_new_build_starts(build_root):
    build_root.mkdir()
    (build_root / "build-1.log").write_text("old\n")
    (build_root / "other.log").write_text("not ours\n")
    build_under_way.start(lambda: a_build(core="core-2"))
    assert sorted(path.name for path in build_root.glob("*.log")) == ["other.log"]
