"""Bytes the tracker writes per job, against the stand-in WebUI over real HTTP (the README's Storage figures).

    /usr/bin/python3 tests/bench/bytes_per_job.py

For a typical request (a 130-character prompt, one 512x512 image) and for the same request with a 1 MB prompt, it
prints what one tracked job adds to the data folder: its journal lines, its image, info and stored-answer files,
and the size of GET /sdapi/v1/jobs?limit=5 and of the answer the client got. (jobs.json is rewritten by compaction
once the journal holds more lines than half the jobs, so each job's record is rewritten about once per doubling of
the store; the journal figure is what every job costs when it happens.)
Benchmarks, not tests: nothing here passes or fails.
"""
from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import http.client

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests"))

from support.standin_server import StandinServer  # noqa: E402

TYPICAL_PROMPT = ("a lighthouse at dusk, dramatic sky, volumetric light, highly detailed, 35mm photograph, "
                  "golden hour, sharp focus, by a famous painter")[:130]


def journal_bytes(data_dir: Path) -> int:
    return sum(p.stat().st_size for p in data_dir.glob("jobs.journal*"))


def request(port: int, method: str, path: str, body: dict | None = None) -> tuple[int, dict, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        data = json.dumps(body).encode() if body is not None else None
        connection.request(method, path, body=data, headers={"Content-Type": "application/json"} if data else {})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def one_job(port: int, data_dir: Path, prompt: str) -> dict[str, int]:
    """What one tracked job adds to the data folder, by file."""
    before = journal_bytes(data_dir)
    status, headers, answer = request(port, "POST", "/sdapi/v1/txt2img",
                                      {"prompt": prompt, "seed": 7, "steps": 4, "width": 512, "height": 512})
    assert status == 200, answer[:300]
    job_id = {k.lower(): v for k, v in headers.items()}["x-job-id"]
    files = {p.name[len(job_id) + 1:]: p.stat().st_size for p in (data_dir / "output").glob(f"{job_id}-*")}
    _, _, listed = request(port, "GET", "/sdapi/v1/jobs?limit=5")
    return {"journal": journal_bytes(data_dir) - before, **files, "answer to the client": len(answer),
            "GET /sdapi/v1/jobs?limit=5": len(listed)}


def main() -> None:
    scratch = Path(tempfile.mkdtemp(prefix="bytes-per-job-", dir=REPO / "build"))
    data_dir = scratch / "data"
    env = {"TRACKER_ENABLED": "1", "TRACKER_DATA_DIR": str(data_dir)}
    with StandinServer(extensions=[REPO], env=env, log_path=scratch / "webui.log") as webui:
        typical = one_job(webui.port, data_dir, TYPICAL_PROMPT)
        large = one_job(webui.port, data_dir, "x" * (1 << 20))
    print(f"{'bytes per job':<30} {'typical request':>16} {'1 MB prompt':>16}")
    for name in typical:
        print(f"{name:<30} {typical[name]:>16,} {large.get(name, 0):>16,}")
    written = [sum(v for k, v in figures.items() if k not in ("answer to the client", "GET /sdapi/v1/jobs?limit=5"))
               for figures in (typical, large)]
    print(f"{'written in all':<30} {written[0]:>16,} {written[1]:>16,}")


if __name__ == "__main__":
    main()
