"""With an SDK, the first build never delays or hides the WebUI's start: install.py builds in the background.

The stand-in WebUI runs install.py as A1111 does (captured until it exits; tests/standin/modules/launch_utils.py),
from a copy of the extension whose `dotnet` is a stand-in: `publish` holds until the test releases it, then fails
or copies this repository's real build (so the core that joins is the real one, through the real bridge)."""
import os
import shutil
import subprocess
import sys
import textwrap
import time

import pytest

from api_client import get_job, list_jobs, payload, txt2img
from repo import REPO
from support.standin_server import StandinServer
from support.without_dotnet import extension_copy

BUILD_DEADLINE = 120.0
REAL_DOTNET = shutil.which("dotnet") or "/usr/bin/dotnet"

SLOW_DOTNET = textwrap.dedent("""\
    #!/bin/sh
    if [ "$1" = "--list-runtimes" ]; then exec "$REAL_DOTNET" --list-runtimes; fi
    echo "$*" >> "$FAKE_DOTNET_LOG"
    waited=0
    while [ ! -e "$FAKE_BUILD_RELEASE" ]; do
        sleep 0.1
        waited=$((waited + 1))
        [ "$waited" -gt 1800 ] && { echo "error: the test never released the build"; exit 7; }
    done
    if [ -n "$FAKE_BUILD_FAILS" ]; then
        echo "/src/JobTracker/Broken.cs(3,5): error CS1002: ; expected [/src/JobTracker/JobTracker.csproj]"
        exit 1
    fi
    previous=""
    for argument in "$@"; do
        [ "$previous" = "-o" ] && out="$argument"
        previous="$argument"
    done
    mkdir -p "$out"
    for file in "$FAKE_BUILT_CORE"/*; do
        case "$file" in */in-use.lock|*/build.stamp) ;; *) cp "$file" "$out/" ;; esac
    done
    """)


class SlowBuild:
    """A copy of the extension with a `dotnet` whose publish waits for release()."""

    def __init__(self, tmp_path, fails=False):
        self.copy = extension_copy(REPO, tmp_path / "sd-job-tracker")
        (self.copy / "dotnet" / "JobTracker").mkdir(parents=True)
        (self.copy / "dotnet" / "JobTracker" / "JobTracker.csproj").write_text("<Project />\n")
        self.root = tmp_path / "dotnet-root"
        self.root.mkdir()
        (self.root / "dotnet").write_text(SLOW_DOTNET)
        (self.root / "dotnet").chmod(0o755)
        self.calls_log = tmp_path / "dotnet-calls.log"
        self.release_file = tmp_path / "release-the-build"
        self.tmp_path = tmp_path
        pointer = (REPO / "build" / "core.current").read_text().strip()
        self.env = {"DOTNET_ROOT": str(self.root), "REAL_DOTNET": REAL_DOTNET, "FAKE_DOTNET_LOG": str(self.calls_log),
                    "FAKE_BUILD_RELEASE": str(self.release_file), "FAKE_BUILT_CORE": str(REPO / "build" / pointer),
                    "FAKE_BUILD_FAILS": "1" if fails else "", "TRACKER_ENABLED": "1",
                    "TRACKER_DATA_DIR": str(tmp_path / "data")}

    def release(self):
        self.release_file.write_text("go\n")

    def hold(self):
        self.release_file.unlink(missing_ok=True)

    def publish_calls(self):
        return [line for line in self.calls_log.read_text().splitlines() if "publish" in line] \
            if self.calls_log.exists() else []

    def start_webui(self, name):
        # skip_install=False: the stand-in runs install.py first and waits for it, as A1111 does.
        return StandinServer(extensions=[self.copy], env=self.env, skip_install=False,
                             log_path=self.tmp_path / f"{name}.log").start()

    def run_install(self, *arguments):
        return subprocess.run([sys.executable, str(self.copy / "install.py"), *arguments], capture_output=True,
                              text=True, timeout=60, env={**os.environ, **self.env})

    def record(self):
        return self.copy / "build" / "building.json"

    def current_core(self):
        return (self.copy / "build" / "core.current").read_text().strip()

    def wait_until_the_build_ends(self):
        deadline = time.monotonic() + BUILD_DEADLINE
        while self.record().exists():
            assert time.monotonic() < deadline, f"the build never ended: {self.record().read_text()}"
            time.sleep(0.1)


def tracker_lines(text):
    return [line for line in text.splitlines() if line.startswith("[Job Tracker]")]


@pytest.fixture
def slow_build(built_extension, tmp_path):
    return SlowBuild(tmp_path)


def test_the_webui_starts_at_once_and_tracking_joins_when_the_build_is_done(slow_build):
    webui = slow_build.start_webui("first")  # ready while the build is still held
    try:
        started = webui.log_text()
        background = [line for line in tracker_lines(started) if "in the background" in line]
        assert len(background) == 1 and "building the .NET core in the background" in background[0], started
        assert str(slow_build.copy / "build" / "build-1.log") in background[0]
        assert "Error running install.py" not in started

        untracked = txt2img(webui.base_url, payload())
        assert untracked.status_code == 200 and "x-job-id" not in untracked.headers
        waiting = list_jobs(webui.base_url)
        assert waiting.status_code == 503 and int(waiting.headers["retry-after"]) > 0
        assert waiting.json()["error"] == "TrackerUnavailable"

        second = slow_build.run_install()  # another launch while the build runs
        assert second.returncode == 0, second.stderr
        lines = (second.stdout + second.stderr).strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("[Job Tracker] the .NET core is still being built"), lines

        slow_build.release()
        webui.wait_for_log(r"^\[Job Tracker\] tracking on$", timeout=BUILD_DEADLINE)
        tracked = txt2img(webui.base_url, payload())
        assert tracked.status_code == 200 and tracked.headers["x-job-id"] == tracked.json()["job_id"]
        assert get_job(webui.base_url, tracked.headers["x-job-id"]).json()["status"] == "Completed"
        log = webui.log_text()
    finally:
        webui.stop()
    assert len(slow_build.publish_calls()) == 1, "the second launch must not start a second build"
    assert not slow_build.record().exists(), "a finished build leaves no record"
    assert "[Job Tracker] waiting for the core's build (log: " in log
    assert "could not" not in log and "Traceback" not in log and "disabled" not in log, log
    assert slow_build.run_install().stdout == "", "the next launch finds the build current"


def test_a_previous_build_is_used_while_the_new_one_builds_and_the_next_launch_takes_the_new_one(slow_build):
    slow_build.release()
    assert slow_build.run_install("--wait").returncode == 0
    assert slow_build.current_core() == "core-1"
    stamp = slow_build.copy / "build" / "core-1" / "build.stamp"
    os.utime(stamp, (stamp.stat().st_atime, stamp.stat().st_mtime - 60))  # the sources are newer than core-1 now
    slow_build.hold()

    webui = slow_build.start_webui("rebuilding")
    try:
        tracked = txt2img(webui.base_url, payload())  # at once, on core-1
        assert tracked.status_code == 200 and "x-job-id" in tracked.headers
        webui.wait_for_log(r"a new build of the core is under way in the background", timeout=10)
        slow_build.release()
        slow_build.wait_until_the_build_ends()
        assert slow_build.current_core() == "core-2"
        assert (slow_build.copy / "build" / "core-1" / "JobTracker.dll").is_file(), "the running WebUI keeps core-1"
    finally:
        webui.stop()

    again = slow_build.start_webui("next")
    try:
        assert "x-job-id" in txt2img(again.base_url, payload()).headers
    finally:
        again.stop()
    assert "in the background" not in again.log_text(), "nothing to build at the next launch"


def test_a_failed_build_is_one_line_with_its_log_and_the_webui_runs_untracked(built_extension, tmp_path):
    failing = SlowBuild(tmp_path, fails=True)
    failing.release()
    webui = failing.start_webui("failed")
    try:
        webui.wait_for_log(r"background build of the core failed", timeout=BUILD_DEADLINE)
        response = txt2img(webui.base_url, payload())
        jobs = list_jobs(webui.base_url)
        log = webui.log_text()
    finally:
        webui.stop()
    assert response.status_code == 200 and "x-job-id" not in response.headers
    assert jobs.status_code == 503 and "retry-after" not in jobs.headers
    failures = [line for line in tracker_lines(log) if "build of the core failed" in line]
    assert len(failures) == 1, log
    log_path = failing.copy / "build" / "build-1.log"
    assert f"(exit 1; log: {log_path})" in failures[0]
    assert "error CS1002: ; expected" in failures[0] and "the next launch builds again" in failures[0]
    assert "Traceback" not in log and "Error running install.py" not in log
    assert not (failing.copy / "build" / "core.current").exists(), "no build is switched to"

    retried = failing.run_install()  # the next launch builds again
    assert retried.returncode == 0 and "building the .NET core in the background" in retried.stdout
