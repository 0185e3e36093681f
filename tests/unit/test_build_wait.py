"""The WebUI process waiting for install.py's background build: progress, deadline, and the failure in one line."""
import os
import time

import pytest

from sd_job_tracker import build_under_way, build_wait, core_files, fetched_core, paths
from sd_job_tracker.build_under_way import Building
from sd_job_tracker.late_start import PreparationFailed


@pytest.fixture(autouse=True)
def build_root(tmp_path, monkeypatch):
    root = tmp_path / "build"
    root.mkdir()
    monkeypatch.setattr(paths, "BUILD_ROOT", root)
    monkeypatch.setattr(build_under_way, "RECORD", root / "building.json")
    monkeypatch.setattr(build_under_way, "LOCK", root / "building.lock")
    monkeypatch.setattr(core_files, "sdk_build", lambda: None)
    monkeypatch.setattr(fetched_core, "ready", lambda: None)
    return root


@pytest.fixture
def lines(monkeypatch):
    said = []
    monkeypatch.setattr(build_wait, "log", said.append)
    return said


def under_way(**changes):
    fields = dict(pid=os.getpid(), core="core-3", log="build-3.log", pythonnet="3.2.1", python="3.11",
                  started=time.time())
    fields.update(changes)
    building, _ = build_under_way.start(lambda: Building(**fields))
    return building


class FakeClock:
    """Time that passes only when the waiter sleeps; `on_sleep(now)` plays the build."""

    def __init__(self, on_sleep=lambda now: None):
        self.now = 1000.0
        self.on_sleep = on_sleep

    def __call__(self):
        return self.now

    def sleep(self, seconds):
        self.now += seconds
        self.on_sleep(self.now)


def test_progress_every_15_s_then_the_core_starts_once_the_build_switched_to_it(monkeypatch, lines):
    building = under_way()
    finished = []

    def build_ends_after_40_s(now):
        if now >= 1040.0 and not finished:
            finished.append(now)
            monkeypatch.setattr(core_files, "sdk_build", lambda: "the new core")
            build_under_way.finish("core-3", 0)

    clock = FakeClock(build_ends_after_40_s)
    build_wait.wait(building, clock=clock, sleep=clock.sleep)
    log_path = str(paths.BUILD_ROOT / "build-3.log")
    assert lines[0] == f"waiting for the core's build (log: {log_path}); requests pass through untracked until tracking is on"
    assert lines[1:3] == [f"still building the core (15 s so far; log: {log_path})",
                          f"still building the core (30 s so far; log: {log_path})"]
    assert lines[3] == "the core is built (40 s waited); starting it" and len(lines) == 4


def test_a_build_that_never_ends_meets_the_deadline(lines):
    building = under_way()
    clock = FakeClock()
    with pytest.raises(PreparationFailed, match=r"has not finished after 20 min \(log: .*build-3.log\)"):
        build_wait.wait(building, clock=clock, sleep=clock.sleep)
    assert clock.now - 1000.0 == build_wait.DEADLINE_SECONDS


def test_a_failed_build_is_one_line_with_its_log_and_its_errors(build_root, lines):
    (build_root / "build-3.log").write_text(
        "[Job Tracker] building the .NET core (first launch, sources or Python changed)...\n"
        "/src/A.cs(3,5): error CS1002: ; expected [/src/JobTracker.csproj]\n"
        "[Job Tracker] the precompiled build failed (exit 1); building without precompilation\n"
        "/src/A.cs(3,5): error CS1002: ; expected [/src/JobTracker.csproj]\n"
        "[Job Tracker] the build failed (exit 1); the output above says why. Command: dotnet publish ...\n")
    building = under_way()
    build_under_way.finish("core-3", 1)
    with pytest.raises(PreparationFailed) as failure:
        build_wait.wait(building, clock=FakeClock(), sleep=lambda seconds: None)
    assert str(failure.value) == (
        f"the background build of the core failed (exit 1; log: {build_root / 'build-3.log'}): "
        "/src/A.cs(3,5): error CS1002: ; expected [/src/JobTracker.csproj]. "
        "The WebUI runs on without tracking; the next launch builds again.")


def test_a_killed_build_is_reported_with_the_last_lines_of_its_log(build_root):
    (build_root / "build-3.log").write_text("Restore complete\n\n" + "x" * 500 + "\n")
    process_gone = under_way(pid=2 ** 22 + 12345)  # above Linux's pid_max: no such process
    with pytest.raises(PreparationFailed) as failure:
        build_wait.wait(process_gone, clock=FakeClock(), sleep=lambda seconds: None)
    message = str(failure.value)
    assert "(its process ended without finishing; log: " in message
    assert ": Restore complete / " + "x" * (build_wait.LINE_LIMIT - 3) + "..." in message


def test_a_build_that_ended_without_a_core_is_a_failure():
    building = under_way()
    build_under_way.finish("core-3", 0)
    with pytest.raises(PreparationFailed, match="the log cannot be read"):
        build_wait.wait(building, clock=FakeClock(), sleep=lambda seconds: None)


def test_nothing_to_wait_for_without_a_record_or_with_a_stale_one():
    assert build_wait.preparation() is None
    under_way(started=time.time() - build_under_way.STALE_AFTER_SECONDS - 1)
    assert build_wait.preparation() is None


def test_with_a_previous_build_the_launch_does_not_wait_and_says_so(monkeypatch, lines):
    monkeypatch.setattr(core_files, "sdk_build", lambda: "the previous core")
    under_way()
    assert build_wait.preparation() is None
    assert lines == [f"a new build of the core is under way in the background (log: {paths.BUILD_ROOT / 'build-3.log'}); "
                     "this launch uses the previous build, the next launch the new one"]
    lines.clear()
    build_under_way.finish("core-3", 2)
    assert build_wait.preparation() is None
    assert len(lines) == 1 and lines[0].startswith("the background build of the core failed (exit 2; ")
    assert lines[0].endswith("The previous build stays in use; the next launch builds again.")


def test_without_a_core_a_build_under_way_is_waited_for():
    under_way()
    assert callable(build_wait.preparation())


def test_a_build_that_could_not_take_its_record_away_but_switched_to_its_core_succeeded(monkeypatch, lines):
    gone = under_way(pid=2 ** 22 + 12345)  # its process ended; the record stays
    built = core_files.CoreFiles(paths.CoreBuild(paths.BUILD_ROOT / "core-3"), None)
    monkeypatch.setattr(core_files, "sdk_build", lambda: built)
    build_wait.wait(gone, clock=FakeClock(), sleep=lambda seconds: None)
    assert lines[-1] == "the core is built (0 s waited); starting it"
