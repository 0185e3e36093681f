"""What a hundred open event streams cost the WebUI, over real HTTP against the stand-in with the real extension.

    /usr/bin/python3 tests/bench/event_streams_bench.py [--requests 300] [--streams 100]

While one long tracked job runs, prints medians without and then with N clients following
GET /sdapi/v1/job/{id}/events (each kept open on its own connection; the server sends ~4 events a second to each):
- a trivial route of the stand-in (GET /standin/generations: the HTTP floor, and how long the event loop makes a
  request wait);
- the tracked-request overhead: POST /sdapi/v1/txt2img with tracking minus the same request on a stand-in without
  the extension (requests alternate between the two, as in e2e_bench.py);
- a 50-step generation (50 × 20 ms of fake sampling), from the job's own started/finished times;
- the CPU the tracked WebUI process burns over 5 s of no requests (the long job and the streams go on).

The stand-ins run with --standin-no-queue-lock, so that requests can be timed while the long job runs (A1111 would
queue them behind it). Benchmarks, not tests: nothing here passes or fails.
"""
from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "tests" / "bench"))

from e2e_bench import Connection, median_ms, paired_post_samples, time_requests  # noqa: E402
from support.standin_server import DEFAULT_PYTHON, StandinServer  # noqa: E402

STEP_SECONDS = 0.02
SERVER_FLAGS = ["--standin-no-queue-lock", "--standin-step-seconds", str(STEP_SECONDS)]
LONG_JOB = {"prompt": "the long job the streams follow", "seed": 1, "steps": 1_000_000, "width": 64, "height": 64}
TIMED_JOB = {"prompt": "a timed generation", "seed": 2, "steps": 50, "width": 64, "height": 64}


def start(extension: bool, data_dir: Path) -> StandinServer:
    env = {"TRACKER_ENABLED": "1", "TRACKER_RETENTION": "0", "TRACKER_DATA_DIR": str(data_dir)}
    server = StandinServer(SERVER_FLAGS, extensions=[REPO] if extension else [], env=env, startup_timeout=120,
                           log_path=data_dir.parent / f"webui-{'tracked' if extension else 'bare'}.log")
    return server.start()


def submit_async(client: httpx.Client, server: StandinServer, body: dict) -> str:
    reply = client.post(server.url("/sdapi/v1/txt2img"), json=body, headers={"Prefer": "respond-async"})
    reply.raise_for_status()
    return reply.headers["x-job-id"]


def run_in_background(server: StandinServer, body: dict) -> None:
    """An untracked long generation on the bare stand-in, so that both stand-ins generate alike."""
    def post():
        try:
            httpx.post(server.url("/sdapi/v1/txt2img"), json=body, timeout=None, trust_env=False)
        except httpx.HTTPError:
            pass  # the stand-in was stopped under it: the benchmark is over
    threading.Thread(target=post, daemon=True).start()


def generation_seconds(client: httpx.Client, server: StandinServer) -> float:
    job_id = submit_async(client, server, TIMED_JOB)
    deadline = time.monotonic() + 120
    while (job := client.get(server.url(f"/sdapi/v1/job/{job_id}?images=false")).json())["status"] != "Completed":
        if time.monotonic() > deadline or job["status"] == "Failed":
            raise RuntimeError(f"the timed job did not complete: {job}")
        time.sleep(0.05)
    return job["finished"] - job["started"]


def open_streams(server: StandinServer, job_id: str, count: int) -> list[socket.socket]:
    """`count` raw connections, each reading the job's events up to its first byte of body, then left open."""
    streams = []
    for _ in range(count):
        sock = socket.create_connection(("127.0.0.1", server.port), timeout=30)
        sock.sendall(f"GET /sdapi/v1/job/{job_id}/events HTTP/1.1\r\nHost: bench\r\nAccept-Encoding: gzip\r\n\r\n".encode())
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = sock.recv(4096)
            if not chunk:
                raise RuntimeError("an event stream closed before its head")
            head += chunk
        if not head.startswith(b"HTTP/1.1 200"):
            raise RuntimeError(f"an event stream was refused: {head[:200]!r}")
        streams.append(sock)
    return streams


def drain(streams: list[socket.socket], stop: threading.Event) -> None:
    """Read what the streams send, as clients do, so no socket buffer fills up."""
    for sock in streams:
        sock.setblocking(False)
    while not stop.wait(0.5):
        for sock in streams:
            try:
                while sock.recv(65536):
                    pass
            except BlockingIOError:
                continue


def cpu_percent(pid: int, seconds: float = 5.0) -> float:
    """The process's CPU use (user + system, % of one core) over `seconds` of waiting."""
    def cpu_seconds() -> float:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    before = cpu_seconds()
    time.sleep(seconds)
    return (cpu_seconds() - before) / seconds * 100


def measure(client, bare, tracked, args) -> dict:
    connection = Connection(tracked)
    try:
        floor = median_ms(time_requests(lambda: connection.request("GET", "/standin/generations"), args.requests, args.warmup))
    finally:
        connection.close()
    untracked, tracked_samples = paired_post_samples(bare, tracked, args.requests, args.warmup)
    overhead = median_ms(tracked_samples) - median_ms(untracked)
    generation = statistics.median(generation_seconds(client, tracked) for _ in range(3))
    return {"floor": floor, "overhead": overhead, "generation": generation, "cpu": cpu_percent(tracked.pid)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--streams", type=int, default=100, help="open event streams (default 100)")
    parser.add_argument("--requests", type=int, default=300, help="timed requests per figure (default 300)")
    parser.add_argument("--warmup", type=int, default=30, help="untimed requests first (default 30)")
    args = parser.parse_args()
    subprocess.run([DEFAULT_PYTHON, str(REPO / "install.py"), "--wait"], check=True, capture_output=True)

    with tempfile.TemporaryDirectory(prefix="jobtracker-streams-bench-") as scratch, \
            httpx.Client(timeout=60, trust_env=False) as client:
        (Path(scratch) / "bare").mkdir()
        (Path(scratch) / "tracked").mkdir()
        bare, tracked = start(False, Path(scratch) / "bare"), start(True, Path(scratch) / "tracked")
        try:
            run_in_background(bare, LONG_JOB)
            long_job = submit_async(client, tracked, LONG_JOB)
            without = measure(client, bare, tracked, args)

            streams = open_streams(tracked, long_job, args.streams)
            stop = threading.Event()
            reader = threading.Thread(target=drain, args=(streams, stop), daemon=True)
            reader.start()
            running = client.get(tracked.url("/standin/event-streams")).json()["running"]
            with_streams = measure(client, bare, tracked, args)
            still = client.get(tracked.url("/standin/event-streams")).json()["running"]
            stop.set()
            reader.join()
            for sock in streams:
                sock.close()
        finally:
            tracked.stop()
            bare.stop()

    print(f"event streams open on the tracker: {running} at the start, {still} at the end of the timed part")
    rows = [
        ("GET /standin/generations (trivial route), median", "floor", "ms"),
        ("tracked-request overhead (tracked - untracked POST), median", "overhead", "ms"),
        (f"a {TIMED_JOB['steps']}-step generation ({TIMED_JOB['steps']} x {STEP_SECONDS * 1000:.0f} ms), median of 3",
         "generation", "s"),
        ("CPU of the tracked WebUI process over 5 s without requests", "cpu", "%"),
    ]
    print(f"| {'':62} | without streams | with {args.streams} streams |")
    for label, key, unit in rows:
        print(f"| {label:62} | {without[key]:12.2f} {unit:2} | {with_streams[key]:12.2f} {unit:2} |")
    print(json.dumps({"without": without, "with": with_streams, "streams": args.streams}))


if __name__ == "__main__":
    main()
