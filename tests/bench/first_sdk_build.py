"""First launch with the .NET SDK: how long until the WebUI answers, and until tracking is on.

    time /usr/bin/python3 tests/bench/first_sdk_build.py [--runs N]

A fresh copy of the extension (what `git clone` gives, no build/) in the stand-in WebUI, which runs install.py first
and waits for it, as A1111 does; install.py builds the core with this machine's SDK in the background. NuGet
packages already in the machine's cache are not downloaded again, so a first build on a new machine takes longer.
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

from support.standin_server import StandinServer  # noqa: E402
from support.without_dotnet import extension_copy  # noqa: E402

TRACKING_ON = re.compile(r"^\[Job Tracker\] tracking on$", re.MULTILINE)
NOT_COPIED = shutil.ignore_patterns("bin", "obj", "*.Tests", "*.Benchmarks")


def one_run(work: Path) -> tuple[float, float]:
    clone = extension_copy(REPO, work / "sd-job-tracker")
    shutil.copytree(REPO / "dotnet", clone / "dotnet", ignore=NOT_COPIED)
    webui = StandinServer(extensions=[clone], skip_install=False, log_path=work / "webui.log",
                          env={"TRACKER_ENABLED": "1", "TRACKER_DATA_DIR": str(work / "data")})
    started = time.monotonic()
    webui.start()
    ready = time.monotonic() - started
    try:
        webui.wait_for_log(TRACKING_ON, timeout=600)
        return ready, time.monotonic() - started
    finally:
        webui.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1)
    for number in range(1, parser.parse_args().runs + 1):
        work = Path(tempfile.mkdtemp(prefix="first-sdk-build-"))
        try:
            ready, tracking = one_run(work)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        print(f"run {number}: WebUI answering after {ready:.2f} s, tracking on after {tracking:.2f} s "
              f"(from the WebUI process start)", flush=True)


if __name__ == "__main__":
    main()
