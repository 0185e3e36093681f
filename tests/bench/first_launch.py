"""First launch on a machine with no .NET: how much is downloaded and how long until tracking is on.

    /usr/bin/python3 tests/bench/first_launch.py [--runs N]

Every .NET is hidden (tests/support/without_dotnet.py, needs root for `unshare -m`); the packages come from a local
NuGet feed on 127.0.0.1 built from this machine's NuGet cache, so the figure is the machine's own work (download over
loopback, SHA-512, unpacking, starting the core), not the speed of anyone's internet connection.
"""
import argparse
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests"))

from support.local_nuget_feed import CACHE, LocalNugetFeed  # noqa: E402
from support.without_dotnet import (HiddenStandinServer, extension_copy, feed_packages,  # noqa: E402
                                    hidden_environment, restore_packages)

PYTHON = "/usr/bin/python3"
TRACKING_ON = re.compile(r"^\[Job Tracker\] tracking on$", re.MULTILINE)


def one_run(work: Path) -> tuple[int, float, float]:
    clone = extension_copy(REPO, work / "sd-job-tracker")
    with LocalNugetFeed() as feed:
        env = hidden_environment({"TRACKER_NUGET_URL": feed.url, "TRACKER_ENABLED": "1",
                                  "TRACKER_DATA_DIR": str(work / "data")})
        webui = HiddenStandinServer(extensions=[clone], env=env, log_path=work / "webui.log")
        started = time.monotonic()
        webui.start()
        ready = time.monotonic() - started
        try:
            webui.wait_for_log(TRACKING_ON, timeout=300)
            tracking = time.monotonic() - started
        finally:
            webui.stop()
        return feed.bytes_served, ready, tracking


def baseline() -> float:
    """Seconds until the same stand-in answers without the extension: what 'the WebUI is not delayed' compares to."""
    webui = HiddenStandinServer(env=hidden_environment())
    started = time.monotonic()
    webui.start()
    try:
        return time.monotonic() - started
    finally:
        webui.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    restore_packages(feed_packages(REPO, PYTHON), CACHE)
    for number in range(1, runs + 1):
        work = Path(tempfile.mkdtemp(prefix="first-launch-"))
        try:
            served, ready, tracking = one_run(work)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        print(f"run {number}: downloaded {served / 1e6:.1f} MB; WebUI answering after {ready:.2f} s "
              f"({baseline():.2f} s without the extension), tracking on after {tracking:.2f} s "
              f"(from the WebUI process start)", flush=True)


if __name__ == "__main__":
    main()
