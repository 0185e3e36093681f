"""End-to-end figures for the job store, against the stand-in WebUI over real HTTP on 127.0.0.1.

    /usr/bin/python3 tests/bench/e2e_bench.py              # the README's table
    /usr/bin/python3 tests/bench/e2e_bench.py --requests 100 --jobs 20000   # quicker

Prints one table of medians:
- tracked-request overhead: POST /sdapi/v1/txt2img (64x64, zero-time generation) with tracking on,
  minus the same request on a stand-in without the extension, at 0 and at N stored jobs (requests
  alternate between the two servers, so a change in the machine's load hits both alike);
- GET /sdapi/v1/job/{id}?images=false and GET /sdapi/v1/jobs?limit=50 at N jobs, beside a trivial
  route of the stand-in that shows what HTTP itself costs on this machine;
- paging: GET /sdapi/v1/jobs?limit=50&before=<a job in the middle> at N jobs, a walk through all N jobs following
  the Link rel="next" headers 1,000 at a time, and one GET /sdapi/v1/jobs?limit=N (time, size, and how much the
  WebUI's resident memory grew);
- tracker start-up (CLR + pythonnet + opening the store, the work done in on_app_started) and its
  resident memory, at 0 and at N jobs, each in a fresh Python process as in the WebUI.

The N-job store is written directly in the store's format (tests/support/store_files.py).
Benchmarks, not tests: nothing here passes or fails.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import http.client

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests"))

from support.standin_server import DEFAULT_PYTHON, StandinServer  # noqa: E402
from support.store_files import job_id, write_sample_store  # noqa: E402

BODY = {"prompt": "a lighthouse at dusk", "seed": 1, "steps": 1, "width": 64, "height": 64, "batch_size": 1}

START_PROBE = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
def rss_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
before = rss_mb()
started = time.perf_counter()
from sd_job_tracker import core
tracker = core.start(None)
elapsed = time.perf_counter() - started
assert tracker is not None, "the core did not start"
time.sleep(1.5)  # the collection that follows a large load has run
rss = rss_mb()
def median_us(call):
    for _ in range(100):
        call()
    samples = []
    for _ in range(1000):
        started = time.perf_counter()
        call()
        samples.append(time.perf_counter() - started)
    return sorted(samples)[len(samples) // 2] * 1e6
from sd_job_tracker.asgi_messages import Client
client = Client("127.0.0.1", 50000, None)
get_us = median_us(lambda: tracker.get_job(sys.argv[2], "images=false", client, [], None))
list_us = median_us(lambda: tracker.list_jobs("limit=50", client, []))
print(json.dumps({"seconds": elapsed, "rss_mb": rss, "rss_before_mb": before, "get_us": get_us, "list_us": list_us}))
"""


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def time_requests(call, count: int, warmup: int) -> list[float]:
    for _ in range(warmup):
        call()
    samples = []
    for _ in range(count):
        started = time.perf_counter()
        call()
        samples.append(time.perf_counter() - started)
    return samples


class Connection:
    """One kept-alive HTTP/1.1 connection, as a client that cares about latency keeps. http.client sends a small
    request in one write; httpx sends the body apart from the headers, and on Linux a request written that way
    waits about 40 ms for a delayed ACK (Nagle), which would drown the figures."""

    def __init__(self, server: StandinServer):
        self._http = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)

    def request(self, method: str, path: str, body: bytes | None = None) -> http.client.HTTPResponse:
        headers = {"Content-Type": "application/json"} if body is not None else {}
        self._http.request(method, path, body=body, headers=headers)
        response = self._http.getresponse()
        response.read()
        if response.status != 200:
            raise RuntimeError(f"{method} {path} answered {response.status}")
        return response

    def close(self) -> None:
        self._http.close()


def paired_post_samples(bare: StandinServer, tracked: StandinServer, count: int, warmup: int):
    """Requests alternate between the bare WebUI and the tracked one, so that a change in the machine's
    load hits both series alike. Returns (untracked, tracked) samples in seconds."""
    plain, tracking = Connection(bare), Connection(tracked)
    body = json.dumps(BODY).encode("utf-8")
    try:
        def post(connection: Connection, expect_id: bool):
            def call():
                response = connection.request("POST", "/sdapi/v1/txt2img", body)
                if expect_id != (response.getheader("x-job-id") is not None):
                    raise RuntimeError(f"tracking is {'off' if expect_id else 'on'} unexpectedly")
            return call
        untracked_call, tracked_call = post(plain, False), post(tracking, True)
        for _ in range(warmup):
            untracked_call()
            tracked_call()
        untracked, tracked_samples = [], []
        for _ in range(count):
            untracked.extend(time_requests(untracked_call, 1, 0))
            tracked_samples.extend(time_requests(tracked_call, 1, 0))
        return untracked, tracked_samples
    finally:
        plain.close()
        tracking.close()


def rss_of(pid: int) -> float:
    """Resident memory of a process, MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for {pid}")


def walk_pages(server: StandinServer, limit: int) -> tuple[float, int, int]:
    """Every job, newest first, following Link rel="next": (seconds, pages, jobs)."""
    http_connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=120)
    path, pages, jobs = f"/sdapi/v1/jobs?limit={limit}", 0, 0
    started = time.perf_counter()
    try:
        while path:
            http_connection.request("GET", path)
            response = http_connection.getresponse()
            jobs += len(json.loads(response.read()))
            pages += 1
            link = response.getheader("Link")
            path = link[link.index("<") + 1:link.index(">")] if link else None
    finally:
        http_connection.close()
    return time.perf_counter() - started, pages, jobs


def everything_at_once(server: StandinServer, jobs: int) -> tuple[float, int, float]:
    """GET /sdapi/v1/jobs?limit=<jobs>: (seconds, bytes, MB the WebUI's resident memory grew)."""
    before = rss_of(server.pid)
    http_connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=120)
    try:
        started = time.perf_counter()
        http_connection.request("GET", f"/sdapi/v1/jobs?limit={jobs}")
        body = http_connection.getresponse().read()
        seconds = time.perf_counter() - started
    finally:
        http_connection.close()
    return seconds, len(body), rss_of(server.pid) - before


def start_webui(extension: bool, data_dir: Path, log_dir: Path) -> StandinServer:
    env = {"TRACKER_ENABLED": "1", "TRACKER_RETENTION": "0", "TRACKER_DATA_DIR": str(data_dir)}
    server = StandinServer([], extensions=[REPO] if extension else [], env=env, startup_timeout=120,
                           log_path=log_dir / f"webui-{time.monotonic_ns()}.log")
    return server.start()


def start_probe(data_dir: Path, rounds: int, target: str) -> dict:
    """Medians over fresh processes: start-up seconds, resident MB after start and before it, and the
    core's own time (through the Python bridge, no HTTP) for GET job `target` and GET jobs?limit=50."""
    results = []
    env = dict(os.environ, TRACKER_ENABLED="1", TRACKER_RETENTION="0", TRACKER_DATA_DIR=str(data_dir))
    for _ in range(rounds):
        done = subprocess.run([DEFAULT_PYTHON, "-c", START_PROBE, str(REPO / "extension"), target], env=env,
                              capture_output=True, text=True, check=True)
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
        # Leave the store as it was: a clean stop may have rewritten it, which is fine, but keep no journal growth.
    return {key: statistics.median(r[key] for r in results) for key in results[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jobs", type=int, default=100_000, help="stored jobs for the large case (default 100000)")
    parser.add_argument("--requests", type=int, default=300, help="timed requests per figure (default 300)")
    parser.add_argument("--warmup", type=int, default=30, help="untimed requests first (default 30)")
    parser.add_argument("--starts", type=int, default=5, help="fresh processes per start-up figure (default 5)")
    parser.add_argument("--scratch", type=Path, default=REPO / "build",
                        help="where the data folders go (default: build/ in the repository, beside where the "
                             "tracker keeps its data by default, the extension's folder)")
    args = parser.parse_args()
    subprocess.run([DEFAULT_PYTHON, str(REPO / "install.py"), "--wait"], check=True)

    rows: list[tuple[str, str]] = []
    args.scratch.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="jobtracker-e2e-bench-", dir=args.scratch) as scratch:
        scratch_dir = Path(scratch)
        empty_dir, large_dir = scratch_dir / "empty", scratch_dir / "large"
        empty_dir.mkdir()
        write_sample_store(large_dir, args.jobs)
        n = f"{args.jobs:,}"

        empty = start_probe(empty_dir, args.starts, job_id(0))
        large = start_probe(large_dir, args.starts, job_id(args.jobs // 2))

        bare = start_webui(False, empty_dir, scratch_dir)
        try:
            for label, data_dir in (("0", empty_dir), (n, large_dir)):
                server = start_webui(True, data_dir, scratch_dir)
                try:
                    untracked_samples, tracked_samples = paired_post_samples(bare, server, args.requests, args.warmup)
                    untracked, tracked = median_ms(untracked_samples), median_ms(tracked_samples)
                    rows.append((f"tracked-request overhead at {label} jobs (tracked {tracked:.2f} ms - untracked {untracked:.2f} ms)",
                                 f"{tracked - untracked:.2f} ms"))
                    if data_dir is large_dir:
                        connection = Connection(server)
                        try:
                            target = job_id(args.jobs // 2)
                            one = median_ms(time_requests(
                                lambda: connection.request("GET", f"/sdapi/v1/job/{target}?images=false"),
                                args.requests, args.warmup))
                            listed = median_ms(time_requests(
                                lambda: connection.request("GET", "/sdapi/v1/jobs?limit=50"), args.requests, args.warmup))
                            middle = median_ms(time_requests(
                                lambda: connection.request("GET", f"/sdapi/v1/jobs?limit=50&before={target}"),
                                args.requests, args.warmup))
                            floor = median_ms(time_requests(
                                lambda: connection.request("GET", "/standin/generations"), args.requests, args.warmup))
                        finally:
                            connection.close()
                        rows.append(("GET /standin/generations (a trivial route of the stand-in: the HTTP floor)", f"{floor:.2f} ms"))
                        rows.append((f"GET /sdapi/v1/job/{{id}}?images=false at {n} jobs", f"{one:.2f} ms"))
                        rows.append((f"GET /sdapi/v1/jobs?limit=50 at {n} jobs", f"{listed:.2f} ms"))
                        rows.append((f"GET /sdapi/v1/jobs?limit=50&before=<the middle job> at {n} jobs", f"{middle:.2f} ms"))
                        seconds, pages, walked = walk_pages(server, 1000)
                        rows.append((f"all {walked:,} jobs, 1,000 a page, following Link rel=next ({pages} pages)",
                                     f"{seconds * 1000:.0f} ms"))
                        seconds, size, grew = everything_at_once(server, args.jobs)
                        rows.append((f"GET /sdapi/v1/jobs?limit={args.jobs} ({size / 1e6:.1f} MB; WebUI memory +{grew:.0f} MB)",
                                     f"{seconds * 1000:.0f} ms"))
                finally:
                    server.stop()
        finally:
            bare.stop()

        rows.append((f"the same two in the core, through the Python bridge, no HTTP, at {n} jobs",
                     f"{large['get_us']:.0f} us / {large['list_us']:.0f} us"))
        rows.append(("tracker start-up (CLR, pythonnet, store) at 0 jobs", f"{empty['seconds'] * 1000:.0f} ms"))
        rows.append((f"tracker start-up at {n} jobs", f"{large['seconds'] * 1000:.0f} ms"))
        rows.append(("resident memory of the tracker at 0 jobs (beyond the bare Python process; settled)",
                     f"{empty['rss_mb'] - empty['rss_before_mb']:.0f} MB"))
        rows.append((f"memory for {n} jobs beyond an empty store", f"{large['rss_mb'] - empty['rss_mb']:.0f} MB"))

    width = max(len(name) for name, _ in rows)
    print(f"\nmedians, {args.requests} requests each ({args.warmup} warm-up), {args.starts} fresh starts; "
          f"{os.cpu_count()} cores; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}\n")
    print(f"| {'figure'.ljust(width)} | value |")
    print(f"| {'-' * width} | ----- |")
    for name, value in rows:
        print(f"| {name.ljust(width)} | {value} |")


if __name__ == "__main__":
    main()
