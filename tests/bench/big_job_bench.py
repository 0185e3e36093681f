"""A job with large images, fetched while the WebUI keeps serving: does the tracker hold the event loop?

    /usr/bin/python3 tests/bench/big_job_bench.py                 # the README's figures
    /usr/bin/python3 tests/bench/big_job_bench.py --requests 40   # quicker

Starts the stand-in WebUI with the extension and noisy pictures (--standin-grain, so each 1024x1024 PNG is about
as large as a real model's), generates one job of 4 such images, then times GET /sdapi/v1/job/{id} (with the
images, base64) over one kept-alive connection for three clients in turn: one that accepts gzip, one that does not,
and a browser on another origin (an Origin header: that request goes through A1111's own stack, its CORS and
GZip layers). Meanwhile a second thread asks a trivial route of the stand-in (GET /standin/generations) every
20 ms on its own connection: how long it waits is how long the event loop was held, plus this machine's own stalls.
To tell them apart, a monitor on the loop (tests/bench/loop-monitor, loaded as an extension) notes the CPU time the
loop's thread used between two of its turns: what really held the loop, whatever else the machine runs.

The bar of the issue: the GET takes at most 50 ms (median) for either client, and the probe never waits more than
10 ms. Benchmarks, not tests: nothing here passes or fails; the figures are printed.
"""
from __future__ import annotations

import argparse
import base64
import gzip
import json
import os
import subprocess
import tempfile
import threading
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


class Probe(threading.Thread):
    """Asks the trivial route every PROBE_PERIOD seconds and keeps each wait (request to full answer)."""

    def __init__(self, port: int):
        super().__init__(daemon=True)
        self._client = Client(port, {})
        self._stopping = threading.Event()
        self.waits: list[float] = []

    def run(self) -> None:
        try:
            next_at = time.perf_counter()
            while not self._stopping.is_set():
                started = time.perf_counter()
                self._client.get(PROBE_PATH)
                self.waits.append(time.perf_counter() - started)
                next_at += PROBE_PERIOD
                self._stopping.wait(max(0.0, next_at - time.perf_counter()))
        finally:
            self._client.close()

    def stop(self) -> list[float]:
        self._stopping.set()
        self.join(timeout=30)
        return self.waits


def generate(port: int) -> tuple[str, int]:
    """The job ID and the total bytes of its PNGs."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    try:
        connection.request("POST", "/sdapi/v1/txt2img", body=json.dumps(BODY).encode(),
                           headers={"Content-Type": "application/json"})
        response = connection.getresponse()
        answer = json.loads(response.read())
        if response.status != 200:
            raise RuntimeError(f"txt2img answered {response.status}: {answer}")
        return answer["job_id"], sum(len(base64.b64decode(image)) for image in answer["images"])
    finally:
        connection.close()


def check_answer(response: http.client.HTTPResponse, body: bytes, images: int) -> str:
    """The answer really is the job with its images; returns its content-encoding."""
    encoding = response.getheader("content-encoding") or "identity"
    job = json.loads(gzip.decompress(body) if encoding == "gzip" else body)
    if len(job["images"]) != images:
        raise RuntimeError(f"the job came back with {len(job['images'])} images, not {images}")
    return encoding


def loop_phase(port: int, reset: bool) -> str:
    """Starts a phase of the loop monitor (reset) or reports the one that ends (see loop-monitor/)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("POST" if reset else "GET", "/bench/loop/reset" if reset else "/bench/loop")
        stats = json.loads(connection.getresponse().read())
    finally:
        connection.close()
    return (f"{stats['worst_cpu_ms']:.1f} ms / {stats['worst_lag_ms']:.1f} ms / "
            f"{stats['cpu_over_3ms']} of {stats['gaps']}")


def percentile_ms(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] * 1000


LOOP_ROW = "  event loop: worst CPU between two turns / worst lag / 1 ms gaps with > 3 ms CPU"


def _waits(waits: list[float]) -> str:
    return f"{percentile_ms(waits, 0.5):.2f} / {percentile_ms(waits, 0.99):.2f} / {max(waits) * 1000:.2f} ms"


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
    subprocess.run([DEFAULT_PYTHON, str(REPO / "install.py")], check=True)

    args.scratch.mkdir(parents=True, exist_ok=True)
    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory(prefix="jobtracker-big-job-bench-", dir=args.scratch) as scratch:
        env = {"TRACKER_ENABLED": "1", "TRACKER_RETENTION": "0", "TRACKER_DATA_DIR": str(Path(scratch) / "data")}
        server = StandinServer(["--standin-grain", str(GRAIN)], extensions=[REPO, LOOP_MONITOR, *args.extension], env=env,
                               startup_timeout=120,
                               log_path=args.log or Path(scratch) / "webui.log").start()
        try:
            job_id, png_bytes = generate(server.port)
            path = f"/sdapi/v1/job/{job_id}"
            rows.append((f"the job: {BODY['batch_size']} PNGs of {BODY['width']}x{BODY['height']}",
                         f"{png_bytes / 1e6:.1f} MB of PNG"))
            # The probe alone, as long as a client's GETs take below: what this machine's own stalls look like.
            idle = Probe(server.port)
            loop_phase(server.port, reset=True)
            idle.start()
            time.sleep(args.idle_seconds)
            waits = idle.stop()
            loop = loop_phase(server.port, reset=False)
            rows.append((f"probe GET {PROBE_PATH} alone for {args.idle_seconds:.0f} s, {len(waits)} requests "
                         "(median / p99 / worst)", _waits(waits)))
            rows.append((LOOP_ROW, loop))
            for name, headers in CLIENTS.items():
                client = Client(server.port, headers)
                try:
                    response, body = client.get(path)
                    encoding = check_answer(response, body, BODY["batch_size"])
                    probe = Probe(server.port)
                    loop_phase(server.port, reset=True)
                    probe.start()
                    samples = time_requests(lambda: client.get(path), args.requests, args.warmup)
                    waits = probe.stop()
                    loop = loop_phase(server.port, reset=False)
                finally:
                    client.close()
                rows.append((f"GET {{id}}, {name}: {len(body) / 1e6:.1f} MB {encoding} (median / p95)",
                             f"{percentile_ms(samples, 0.5):.1f} / {percentile_ms(samples, 0.95):.1f} ms"))
                rows.append((f"  probe meanwhile, {len(waits)} requests (median / p99 / worst)", _waits(waits)))
                rows.append((LOOP_ROW, loop))
        finally:
            server.stop()

    width = max(len(name) for name, _ in rows)
    print(f"\n{args.requests} GETs per client ({args.warmup} warm-up), probe every {PROBE_PERIOD * 1000:.0f} ms; "
          f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; load average {os.getloadavg()[0]:.1f} on "
          f"{os.cpu_count()} cores\n")
    print(f"| {'figure'.ljust(width)} | value |")
    print(f"| {'-' * width} | ----- |")
    for name, value in rows:
        print(f"| {name.ljust(width)} | {value} |")
    print("\nbar: GET median <= 50 ms for either client; the probe never waits more than 10 ms")


if __name__ == "__main__":
    main()
