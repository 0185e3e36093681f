"""A machine with no .NET at all: `git clone` + restart is all it takes to get tracking.

Every .NET is hidden from the WebUI (support/without_dotnet.py: its own mount namespace, DOTNET_ROOT removed); the
packages come from a local NuGet feed on 127.0.0.1 built from this machine's NuGet cache. The WebUI answers at
once, untracked; the core joins when its .NET is fetched and verified; a later start needs no network."""
import json
import os
import subprocess
import threading

import pytest

from api_client import get_job, list_jobs, payload, txt2img
from repo import REPO
from support.local_nuget_feed import CACHE, LocalNugetFeed
from support.standin_server import StandinServer, free_port
from support.without_dotnet import (HiddenStandinServer, can_hide, extension_copy, feed_packages, hidden,
                                    hidden_environment, restore_packages)

pytestmark = pytest.mark.skipif(can_hide() is not None, reason=str(can_hide()))

MANIFEST = json.loads((REPO / "extension" / "prebuilt" / "packages.json").read_text())
RUNTIME_VERSION = MANIFEST["runtime"]["version"]
RUNTIME_ID = "Microsoft.NETCore.App.Runtime.linux-x64"
FETCH_DEADLINE = 120.0
WITHOUT_DOTNET_ROOT = {key: value for key, value in os.environ.items() if not key.startswith("DOTNET_ROOT")}
PYTHON = "/usr/bin/python3"  # the stand-in's interpreter (Debian's FastAPI): its pythonnet release is fetched


@pytest.fixture(scope="module", autouse=True)
def packages_in_the_cache():
    """What the local feed serves: the runtime pack for this machine, the libraries, pythonnet (restored if missing)."""
    restore_packages(feed_packages(REPO, PYTHON), CACHE)


@pytest.fixture
def clone(tmp_path):
    return extension_copy(REPO, tmp_path / "sd-job-tracker")


def start(clone, tmp_path, feed_url, name, **variables):
    env = hidden_environment({"TRACKER_NUGET_URL": feed_url, "TRACKER_ENABLED": "1",
                              "TRACKER_DATA_DIR": str(tmp_path / "data"), **variables})
    return HiddenStandinServer(extensions=[clone], env=env, log_path=tmp_path / f"{name}.log").start()


def run_install(clone):
    return subprocess.run(hidden([PYTHON, str(clone / "install.py")]), capture_output=True, text=True, timeout=60,
                          env=WITHOUT_DOTNET_ROOT)


def tracker_lines(log: str) -> list[str]:
    return [line for line in log.splitlines() if line.startswith("[Job Tracker]")]


def test_nothing_of_dotnet_is_visible_to_the_extension():
    probe = ("import shutil, sys; sys.path.insert(0, %r); from sd_job_tracker.dotnet_root import find_hostfxrs; "
             "print(find_hostfxrs(10) or None, shutil.which('dotnet'))" % str(REPO / "extension"))
    result = subprocess.run(hidden([PYTHON, "-c", probe]), capture_output=True, text=True, timeout=60,
                            env=WITHOUT_DOTNET_ROOT)
    assert result.stdout.strip() == "None None", result.stderr


def test_first_launch_answers_at_once_then_fetches_and_tracks_and_the_second_needs_no_network(clone, tmp_path):
    installed = run_install(clone)
    assert installed.returncode == 0, installed.stderr
    lines = (installed.stdout + installed.stderr).strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("[Job Tracker] no .NET SDK here"), lines

    release = threading.Event()
    with LocalNugetFeed(hold=release) as feed:
        webui = start(clone, tmp_path, feed.url, "first")
        try:
            untracked = txt2img(webui.base_url, payload())  # the feed holds the runtime pack: no core yet
            assert untracked.status_code == 200 and "x-job-id" not in untracked.headers
            waiting = list_jobs(webui.base_url)
            assert waiting.status_code == 503 and int(waiting.headers["retry-after"]) > 0
            assert waiting.json()["error"] == "TrackerUnavailable"

            release.set()
            webui.wait_for_log(r"^\[Job Tracker\] tracking on$", timeout=FETCH_DEADLINE)
            tracked = txt2img(webui.base_url, payload())
            assert tracked.status_code == 200 and tracked.headers["x-job-id"] == tracked.json()["job_id"]
            assert get_job(webui.base_url, tracked.headers["x-job-id"]).json()["status"] == "Completed"
            log = webui.log_text()
        finally:
            webui.stop()
    assert f"[Job Tracker] downloading {RUNTIME_ID} {RUNTIME_VERSION} (" in log
    assert f"[Job Tracker] downloading {RUNTIME_ID}: 100% (" in log
    assert "[Job Tracker] fetched and verified" in log
    assert "could not" not in log and "Traceback" not in log, log
    assert not list((clone / "build" / "fetched").glob(".*")), "temporary files were left behind"

    assert run_install(clone).stdout == "", "install.py has nothing to say once the packages are here"
    offline = start(clone, tmp_path, f"http://127.0.0.1:{free_port()}/v3-flatcontainer/", "second")
    try:
        again = txt2img(offline.base_url, payload())
        assert again.status_code == 200 and "x-job-id" in again.headers
        second_log = offline.log_text()
    finally:
        offline.stop()
    assert "fetching" not in second_log and "downloading" not in second_log, second_log


def test_a_tampered_package_is_refused_in_one_line_and_the_webui_runs_untracked(clone, tmp_path):
    with LocalNugetFeed(tamper=True) as feed:
        webui = start(clone, tmp_path, feed.url, "tampered")
        try:
            webui.wait_for_log(r"refused", timeout=FETCH_DEADLINE)
            response = txt2img(webui.base_url, payload())
            jobs = list_jobs(webui.base_url)
            log = webui.log_text()
        finally:
            webui.stop()
    assert response.status_code == 200 and "x-job-id" not in response.headers
    assert jobs.status_code == 503 and "retry-after" not in jobs.headers
    refused = [line for line in tracker_lines(log) if "refused" in line]
    assert len(refused) == 1, log
    assert "SHA-512 does not match" in refused[0] and "the next launch tries again" in refused[0]
    fetched = clone / "build" / "fetched"
    assert sorted(path.name for path in fetched.iterdir()) == [], "nothing of a refused package may be kept"


def test_a_feed_that_is_down_is_one_line_and_the_webui_runs_untracked(clone, tmp_path):
    webui = start(clone, tmp_path, f"http://127.0.0.1:{free_port()}/v3-flatcontainer/", "down")
    try:
        webui.wait_for_log(r"cannot reach", timeout=FETCH_DEADLINE)
        response = txt2img(webui.base_url, payload())
        log = webui.log_text()
    finally:
        webui.stop()
    assert response.status_code == 200 and "x-job-id" not in response.headers
    failures = [line for line in tracker_lines(log) if "cannot reach" in line]
    assert len(failures) == 1 and "the next launch tries again" in failures[0], log
    assert "Traceback" not in log


def test_with_a_dotnet_10_runtime_installed_only_the_libraries_are_fetched(clone, tmp_path):
    # Not hidden: this machine's .NET 10 runtime serves; the clone has no SDK build of its own.
    env = {"TRACKER_ENABLED": "1", "TRACKER_DATA_DIR": str(tmp_path / "data")}
    with LocalNugetFeed() as feed:
        webui = StandinServer(extensions=[clone], env={**env, "TRACKER_NUGET_URL": feed.url},
                              log_path=tmp_path / "runtime-installed.log").start()
        try:
            webui.wait_for_log(r"^\[Job Tracker\] tracking on$", timeout=FETCH_DEADLINE)
            tracked = txt2img(webui.base_url, payload())
            log = webui.log_text()
        finally:
            webui.stop()
        asked = list(feed.requests)
    assert tracked.status_code == 200 and "x-job-id" in tracked.headers
    assert asked and not any("netcore.app.runtime" in path for path in asked), asked
    assert "fetching the core's libraries" in log
    assert not (clone / "build" / "fetched" / f"{RUNTIME_ID.lower()}.{RUNTIME_VERSION}").exists()


def unpin_pythonnet(clone):
    """The clone's manifest as if the build machine could not pin this Python's pythonnet (as for 3.1.0)."""
    manifest_path = clone / "extension" / "prebuilt" / "packages.json"
    manifest = json.loads(manifest_path.read_text())
    for pinned in manifest["pythonnet"].values():
        pinned.update(sha512=None, size=None)
    manifest_path.write_text(json.dumps(manifest))


def test_an_unpinned_pythonnet_is_checked_against_the_hash_nuget_publishes(clone, tmp_path):
    unpin_pythonnet(clone)
    with LocalNugetFeed() as feed:
        webui = start(clone, tmp_path, feed.url, "published", TRACKER_NUGET_REGISTRATION_URL=feed.registration_url)
        try:
            webui.wait_for_log(r"^\[Job Tracker\] tracking on$", timeout=FETCH_DEADLINE)
            tracked = txt2img(webui.base_url, payload())
        finally:
            webui.stop()
        asked = list(feed.requests)
    assert tracked.status_code == 200 and "x-job-id" in tracked.headers
    assert any(path.startswith("/v3/catalog/pythonnet.") for path in asked), asked


def test_an_unpinned_pythonnet_that_differs_from_the_published_hash_is_refused(clone, tmp_path):
    unpin_pythonnet(clone)
    with LocalNugetFeed(wrong_published_hash=True) as feed:
        webui = start(clone, tmp_path, feed.url, "wrong-published", TRACKER_NUGET_REGISTRATION_URL=feed.registration_url)
        try:
            webui.wait_for_log(r"refused", timeout=FETCH_DEADLINE)
            response = txt2img(webui.base_url, payload())
            log = webui.log_text()
        finally:
            webui.stop()
    assert response.status_code == 200 and "x-job-id" not in response.headers
    refused = [line for line in tracker_lines(log) if "refused" in line]
    assert len(refused) == 1 and "refused pythonnet." in refused[0], log
    assert not list((clone / "build" / "fetched").glob("pythonnet*"))
