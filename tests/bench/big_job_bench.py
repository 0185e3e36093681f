"""A job with large images, fetched while the WebUI keeps serving: does the tracker hold the event loop?

    /usr/bin/python3 tests/bench/big_job_bench.py                 # the README's figures
    /usr/bin/python3 tests/bench/big_job_bench.py --requests 40   # quicker

Starts the stand-in WebUI with the extension and noisy pictures (--standin-grain, so each 1024x1024 PNG is about
as large as a real model's), generates one job of 4 such images, then times GET /sdapi/v1/job/{id} (with the
images, base64) over one kept-alive connection for three clients in turn: one that accepts gzip, one that does not,
and a browser on another origin (an Origin header: that request goes through A1111's own stack, its CORS and
GZip layers). Meanwhile a second process asks a trivial route of the stand-in (GET /standin/generations) every
20 ms on its own connection: how long it waits is how long the event loop was held, plus this machine's own stalls.
To tell them apart, a monitor on the loop (tests/bench/loop-monitor, loaded as an extension) notes the CPU time the
loop's thread used between two of its turns: what really held the loop, whatever else the machine runs. It also notes
when Python collected the oldest generation of the heap: such a collection walks every object of the WebUI's process
and stops every thread meanwhile (20 to 40 ms on this 2-core machine for the stand-in's 50,000 objects, with or
without the tracker; a real A1111 with torch and Gradio has many times more), so the probe's waits are also given
without the requests that overlapped one. The same probe runs alone against a stand-in without the tracker first:
what the WebUI's own stalls look like.

The bar of the issue: the GET takes at most 50 ms (median) for either client, and the probe never waits more than
10 ms. Benchmarks, not tests: nothing here passes or fails; the figures are printed.
"""
from __future__ import annotations

import argparse
import base64
import gzip
import json
import multiprocessing
import os
import subprocess
import tempfile
import time
from pathlib import Path

import http.client

REPO = Path(__file__).resolve().parents[2]

import sys  # noqa: E402

sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "tests" / "bench"))

from e2e_bench import time_requests  # noqa: E402
from support.standin_server import DEFAULT_PYTHON, StandinServer  # noqa: E402

LOOP_MONITOR = REPO / "tests" / "bench" / "loop-monitor"
PROBE_PATH = "/standin/generations"
PROBE_PERIOD = 0.020
GRAIN = 16  # 1.9 MB per 1024x1024 PNG, as large as an SDXL picture
BODY = {"prompt": "a lighthouse at dusk", "seed": 7, "steps": 1, "width": 1024, "height": 1024, "batch_size": 4}
CLIENTS = {
    "accepts gzip": {"Accept-Encoding": "gzip"},
    "identity only": {"Accept-Encoding": "identity"},
    "browser on another origin (through A1111's GZip)": {"Accept-Encoding": "gzip, deflate",
                                                          "Origin": "http://example.test"},
}


class Client:
    """One kept-alive http.client connection (see e2e_bench.Connection for why not httpx)."""

    def __init__(self, port: int, headers: dict[str, str]):
        self._http = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self._headers = headers

    def get(self, path: str) -> tuple[http.client.HTTPResponse, bytes]:
        self._http.request("GET", path, headers=self._headers)
        response = self._http.getresponse()
        body = response.read()
        if response.status != 200:
            raise RuntimeError(f"GET {path} answered {response.status}: {body[:200]!r}")
        return response, body

    def close(self) -> None:
        self._http.close()


def _probe_loop(port: int, stopping, results) -> None:
    client = Client(port, {})
    requests = []
    try:
        next_at = time.monotonic()
        while not stopping.is_set():
            started = time.monotonic()
            client.get(PROBE_PATH)
            requests.append((started, time.monotonic()))
            next_at += PROBE_PERIOD
            stopping.wait(max(0.0, next_at - time.monotonic()))
    finally:
        client.close()
        results.put(requests)


class Probe:
    """Asks the trivial route every PROBE_PERIOD seconds and keeps each wait (request to full answer). It runs in a
    process of its own: in this one, the client reading megabytes would make it wait for the GIL too."""

    def __init__(self, port: int):
        self._stopping = multiprocessing.Event()
        self._results = multiprocessing.Queue()
        self._process = multiprocessing.Process(target=_probe_loop, args=(port, self._stopping, self._results),
                                                daemon=True)

    def start(self) -> None:
        self._process.start()

    def stop(self) -> list[tuple[float, float]]:
        """(start, end) of each request on the monotonic clock, which the WebUI's process shares (see loop-monitor)."""
        self._stopping.set()
        requests = self._results.get(timeout=30)
        self._process.join(timeout=30)
        return requests


def generate(port: int) -> tuple[str | None, int]:
    """The job ID (None without the tracker) and the total bytes of its PNGs."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    try:
        connection.request("POST", "/sdapi/v1/txt2img", body=json.dumps(BODY).encode(),
                           headers={"Content-Type": "application/json"})
        response = connection.getresponse()
        answer = json.loads(response.read())
        if response.status != 200:
            raise RuntimeError(f"txt2img answered {response.status}: {answer}")
        return answer.get("job_id"), sum(len(base64.b64decode(image)) for image in answer["images"])
    finally:
        connection.close()


def check_answer(response: http.client.HTTPResponse, body: bytes, images: int) -> str:
    """The answer really is the job with its images; returns its content-encoding."""
    encoding = response.getheader("content-encoding") or "identity"
    job = json.loads(gzip.decompress(body) if encoding == "gzip" else body)
    if len(job["images"]) != images:
        raise RuntimeError(f"the job came back with {len(job['images'])} images, not {images}")
    return encoding


class Phase:
    """The probe's requests and what the loop monitor saw meanwhile (see loop-monitor/)."""

    def __init__(self, port: int):
        self._port = port
        self._monitor("POST", "/bench/loop/reset")
        self._probe = Probe(port)
        self._probe.start()

    def end(self) -> tuple[str, str, str]:
        """(the probe's waits, the same without those that overlapped a collection of the heap, the loop)."""
        requests = self._probe.stop()
        loop = self._monitor("GET", "/bench/loop")
        collections = loop["heap_collections"]
        clear = [(start, end) for start, end in requests
                 if not any(start < c_end and c_start < end for c_start, c_end in collections)]
        longest = max((c_end - c_start for c_start, c_end in collections), default=0.0)
        return (f"{_waits(requests)} ({len(requests)} requests)",
                f"{_waits(clear)} ({len(clear)} requests; {len(collections)} collections of "
                f"{loop['heap_objects']:,} objects, longest {longest * 1000:.1f} ms)",
                f"{loop['worst_cpu_ms']:.1f} ms / {loop['worst_lag_ms']:.1f} ms / "
                f"{loop['cpu_over_3ms']} of {loop['gaps']}")

    def _monitor(self, method: str, path: str) -> dict:
        connection = http.client.HTTPConnection("127.0.0.1", self._port, timeout=60)
        try:
            connection.request(method, path)
            return json.loads(connection.getresponse().read())
        finally:
            connection.close()


def percentile_ms(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] * 1000


PROBE_ROW = "  probe meanwhile (median / p99 / worst)"
CLEAR_ROW = "  the same, without the requests that overlapped a collection of the whole heap"
LOOP_ROW = "  event loop: worst CPU between two turns / worst lag / 1 ms gaps with > 3 ms CPU"


def _waits(requests: list[tuple[float, float]]) -> str:
    if not requests:
        return "none"
    waits = [end - start for start, end in requests]
    return f"{percentile_ms(waits, 0.5):.2f} / {percentile_ms(waits, 0.99):.2f} / {max(waits) * 1000:.2f} ms"


def _phase_rows(title: str, value: str, phase: Phase) -> list[tuple[str, str]]:
    probe, clear, loop = phase.end()
    return [(title, value), (PROBE_ROW, probe), (CLEAR_ROW, clear), (LOOP_ROW, loop)]


def probe_alone(server: StandinServer, seconds: float, title: str) -> list[tuple[str, str]]:
    phase = Phase(server.port)
    time.sleep(seconds)
    return _phase_rows(title, f"{seconds:.0f} s", phase)


def _fetch_loop(port: int, headers: dict[str, str], path: str, count: int, warmup: int, results) -> None:
    client = Client(port, headers)
    try:
        results.put(time_requests(lambda: client.get(path), count, warmup))
    finally:
        client.close()


def fetch_in_background(port: int, headers: dict[str, str], path: str, args) -> list[float]:
    """The timed GETs, from a process of their own (this one only waits meanwhile)."""
    results = multiprocessing.Queue()
    process = multiprocessing.Process(target=_fetch_loop, daemon=True,
                                      args=(port, headers, path, args.requests, args.warmup, results))
    process.start()
    try:
        return results.get(timeout=600)
    finally:
        process.join(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=200, help="timed GETs per client (default 200)")
    parser.add_argument("--warmup", type=int, default=10, help="untimed GETs per client first (default 10)")
    parser.add_argument("--idle-seconds", type=float, default=4.0, help="how long the probe runs alone first (default 4)")
    parser.add_argument("--scratch", type=Path, default=REPO / "build", help="where the data folder goes (default build/)")
    parser.add_argument("--extension", type=Path, action="append", default=[],
                        help="load this extension folder too, e.g. a loop-lag monitor while finding a cause (repeatable)")
    parser.add_argument("--log", type=Path, default=None, help="keep the stand-in's log there (default: dropped)")
    args = parser.parse_args()
    subprocess.run([DEFAULT_PYTHON, str(REPO / "install.py"), "--wait"], check=True)

    args.scratch.mkdir(parents=True, exist_ok=True)
    rows: list[tuple[str, str]] = []
    standin_args = ["--standin-grain", str(GRAIN)]
    with tempfile.TemporaryDirectory(prefix="jobtracker-big-job-bench-", dir=args.scratch) as scratch:
        # The WebUI alone, after the same generation: its own stalls, the tracker not loaded.
        bare = StandinServer(standin_args, extensions=[LOOP_MONITOR, *args.extension], startup_timeout=120,
                             log_path=Path(scratch) / "webui-without-tracker.log").start()
        try:
            generate(bare.port)
            rows += probe_alone(bare, args.idle_seconds, "the WebUI without the tracker, the probe alone")
        finally:
            bare.stop()

        env = {"TRACKER_ENABLED": "1", "TRACKER_RETENTION": "0", "TRACKER_DATA_DIR": str(Path(scratch) / "data")}
        server = StandinServer(standin_args, extensions=[REPO, LOOP_MONITOR, *args.extension], env=env,
                               startup_timeout=120,
                               log_path=args.log or Path(scratch) / "webui.log").start()
        try:
            job_id, png_bytes = generate(server.port)
            path = f"/sdapi/v1/job/{job_id}"
            rows.append((f"the job: {BODY['batch_size']} PNGs of {BODY['width']}x{BODY['height']}",
                         f"{png_bytes / 1e6:.1f} MB of PNG"))
            rows += probe_alone(server, args.idle_seconds, "the WebUI with the tracker, the probe alone")
            for name, headers in CLIENTS.items():
                client = Client(server.port, headers)
                try:
                    response, body = client.get(path)
                    encoding = check_answer(response, body, BODY["batch_size"])
                finally:
                    client.close()
                phase = Phase(server.port)
                samples = fetch_in_background(server.port, headers, path, args)
                rows += _phase_rows(f"GET {{id}}, {name}: {len(body) / 1e6:.1f} MB {encoding} (median / p95)",
                                    f"{percentile_ms(samples, 0.5):.1f} / {percentile_ms(samples, 0.95):.1f} ms", phase)
        finally:
            server.stop()

    width = max(len(name) for name, _ in rows)
    print(f"\n{args.requests} GETs per client ({args.warmup} warm-up), "
          f"probe every {PROBE_PERIOD * 1000:.0f} ms; "
          f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; load average {os.getloadavg()[0]:.1f} on "
          f"{os.cpu_count()} cores\n")
    print(f"| {'figure'.ljust(width)} | value |")
    print(f"| {'-' * width} | ----- |")
    for name, value in rows:
        print(f"| {name.ljust(width)} | {value} |")
    print("\nbar: GET median <= 50 ms for either client; the probe never waits more than 10 ms")


if __name__ == "__main__":
    main()
