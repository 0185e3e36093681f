"""Prints how long `Prefer: respond-async` takes to answer 202, next to how long the early headers take
without it, over real HTTP against the stand-in WebUI with the real extension (a benchmark, not a test).

    /usr/bin/python3 tests/bench/bench_async_submit.py [rounds]
"""
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests"))

from support.standin_server import StandinServer  # noqa: E402

BODY = {"prompt": "benchmark", "seed": 1, "steps": 2, "width": 64, "height": 64}


def time_to_headers(client: httpx.Client, url: str, headers: dict) -> tuple[float, str]:
    started = time.perf_counter()
    with client.stream("POST", url, content=json.dumps(BODY), headers={"Content-Type": "application/json", **headers}) as reply:
        elapsed = time.perf_counter() - started
        reply.read()
        return elapsed, reply.headers["x-job-id"]


def main(rounds: int) -> None:
    data = tempfile.mkdtemp(prefix="jobtracker-bench-")
    env = {"TRACKER_ENABLED": "1", "TRACKER_DATA_DIR": data}
    with StandinServer(["--standin-step-seconds", "0.05"], extensions=[REPO], env=env) as webui, \
            httpx.Client(timeout=60, trust_env=False) as client:
        url = webui.url("/sdapi/v1/txt2img")
        for label, headers in (("early headers (sync)", {}), ("202 Accepted (async)", {"Prefer": "respond-async"})):
            samples = []
            for _ in range(rounds + 2):
                elapsed, job_id = time_to_headers(client, url, headers)
                samples.append(elapsed * 1000)
                while client.get(webui.url(f"/sdapi/v1/job/{job_id}?images=false")).json()["status"] not in ("Completed", "Failed"):
                    time.sleep(0.02)
            samples = samples[2:]  # the first calls pay for JIT compilation
            print(f"{label:22} median {statistics.median(samples):6.1f} ms  max {max(samples):6.1f} ms  ({rounds} rounds)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10)
