"""Write a Job Tracker data folder directly in the store's own format (jobs.json, jobs.journal).

Used to start the tracker with many jobs already stored (benchmarks, crash tests) without
generating them one request at a time. The format is the one JobTracker.Storage writes: a JSON
array with one snake_case record per line; the journal holds one record per line.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

NEWEST = 1_767_225_600.0
_WORDS = ("portrait landscape castle dragon neon city forest river sunset golden hour cinematic lighting "
          "highly detailed 8k artstation trending masterpiece best quality oil painting watercolor").split()


def job_id(n: int) -> str:
    """A well-formed 8-character ID for sample job n (never one the tracker draws by chance in a test)."""
    return f"S{n:07d}"


def sample_job(n: int, count: int, newest: float = NEWEST) -> dict:
    """Realistic job n of count: a few hundred characters of prompt, 20 client addresses, 1-4 images,
    one job in 25 Failed, spread over 30 days up to `newest`; like every job since the tracker
    keeps it, each carries the SHA-256 of its request body."""
    created = newest - (count - n) * (30 * 86_400 / count)
    failed = n % 25 == 0
    images = 0 if failed else 1 + n % 4
    jid = job_id(n)
    return {
        "id": jid,
        "kind": "img2img" if n % 5 == 0 else "txt2img",
        "prompt": ", ".join(_WORDS[(n + i * 7) % len(_WORDS)] for i in range(12)) + f" #{n}",
        "negative_prompt": "blurry, low quality, watermark",
        "ip": f"10.0.0.{n % 20}",
        "user": None,
        "status": "Failed" if failed else "Completed",
        "timestamp": int(created),
        "created": created,
        "started": created + 0.05,
        "finished": created + 6.5,
        "error": "RuntimeError: CUDA out of memory" if failed else None,
        "images": [{"file": f"{jid}-{i}.png", "content_type": "image/png"} for i in range(images)],
        "info_file": None if failed else f"{jid}-info.json",
        "request_sha256": hashlib.sha256(f"request {n}".encode()).hexdigest(),
        "legacy_output_paths": None,
    }


def write_snapshot(data_dir: Path, jobs) -> Path:
    """jobs.json as the tracker writes it: one record per line inside a JSON array."""
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / "jobs.json"
    lines = [json.dumps(job, ensure_ascii=False, separators=(",", ":")) for job in jobs]
    path.write_text("[\n" + ",\n".join(lines) + ("\n" if lines else "") + "]\n", encoding="utf-8")
    return path


def write_journal(data_dir: Path, jobs) -> Path:
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / "jobs.journal"
    with open(path, "a", encoding="utf-8") as journal:
        for job in jobs:
            journal.write(json.dumps(job, ensure_ascii=False, separators=(",", ":")) + "\n")
    return path


def write_sample_store(data_dir: Path, count: int) -> Path:
    """A data folder whose jobs.json holds `count` sample jobs (no image files)."""
    return write_snapshot(data_dir, (sample_job(n, count) for n in range(count)))
