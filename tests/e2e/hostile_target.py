"""The live WebUI the hostile-input suite attacks, and the checks every answer and the disk must pass."""
from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from repo import REPO

# Text that must never reach a client: stack traces (Python and .NET) and server paths.
LEAK_MARKERS = ("Traceback", 'File "', "   at JobTracker", "System.", "/usr/lib/", "site-packages")

ALICE, BOB, CAROL = ("alice", "s3cret"), ("bob", "hunter2"), ("carol", "admin-pw")
API_AUTH = "alice:s3cret,bob:hunter2,carol:admin-pw"


@dataclass(repr=False)
class HostileTarget:
    """One running stand-in with the tracker, attacked by the suite; `auth` is None without --api-auth."""

    base_url: str
    root: Path
    data_dir: Path
    sentinel: Path
    auth: tuple | None
    admin: tuple | None
    other: tuple | None
    log_path: Path
    job_routes: list[str]
    own_job: str = ""
    others_job: str = ""
    created: set = field(default_factory=set)
    inputs: int = 0
    hashes_before: dict = field(default_factory=dict)
    # One pooled client: a new httpx client per request costs ~100 ms (SSL context), 10x the request.
    client: httpx.Client = field(default_factory=lambda: httpx.Client(timeout=60, trust_env=False))

    def __repr__(self) -> str:
        return f"HostileTarget({self.base_url}, api-auth {'on' if self.auth else 'off'})"

    def get(self, path: str, auth="default", **kwargs) -> httpx.Response:
        return self.client.get(self.base_url + path, auth=self.auth if auth == "default" else auth, **kwargs)

    def post(self, path: str, auth="default", **kwargs) -> httpx.Response:
        return self.client.post(self.base_url + path, auth=self.auth if auth == "default" else auth, **kwargs)

    def visible_ids(self) -> set[str]:
        """Every job the ordinary caller may see (all jobs without --api-auth)."""
        response = self.get("/sdapi/v1/jobs", params={"limit": 500})
        assert response.status_code == 200, response.text
        return {job["id"] for job in response.json()}

    def all_ids(self) -> set[str]:
        response = self.get("/sdapi/v1/jobs", auth=self.admin, params={"limit": 500})
        assert response.status_code == 200, response.text
        return {job["id"] for job in response.json()}

    def check_reply(self, response: httpx.Response, sent: str = "") -> object:
        """Never a 5xx, always JSON, never a stack trace or a server path (unless the client sent that text)."""
        self.inputs += 1
        assert response.status_code < 500, f"{response.status_code} for {sent[:200]!r}: {response.text[:500]}"
        assert response.headers.get("content-type", "").startswith("application/json"), response.headers
        text = response.text
        for marker in LEAK_MARKERS + (str(self.root), str(REPO)):
            if marker not in sent:
                assert marker not in text, f"{marker!r} leaked for {sent[:200]!r}: {text[:500]}"
        return response.json()


def tree_digest(root: Path) -> dict[str, str]:
    """SHA-256 of every file under root (Python's own __pycache__ left out), by relative path."""
    digests = {}
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digests[str(path.relative_to(root))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return digests


def plant_sentinels(sentinel: Path) -> None:
    """Files beside the data folder with the names the tracker uses, as bait for path traversal."""
    (sentinel / "output").mkdir(parents=True)
    (sentinel / "jobs.json").write_text('[{"id": "AAAAAAAA", "prompt": "bait"}]')
    (sentinel / "jobs.journal").write_text("")
    (sentinel / "config.json").write_text('{"tracking_enabled": true}')
    (sentinel / "output" / "AAAAAAAA-0.png").write_bytes(b"\x89PNG bait")
    (sentinel / "secret.txt").write_text("do not serve or delete me")


def stored_jobs(data_dir: Path, attempts: int = 20) -> dict[str, dict]:
    """The jobs on disk: jobs.json replayed with jobs.journal (a compaction may rename files meanwhile)."""
    for _ in range(attempts):
        try:
            snapshot = json.loads((data_dir / "jobs.json").read_text("utf-8")) if (data_dir / "jobs.json").exists() else []
            journal = (data_dir / "jobs.journal").read_text("utf-8") if (data_dir / "jobs.journal").exists() else ""
        except (OSError, ValueError):
            time.sleep(0.1)
            continue
        jobs = {job["id"]: job for job in snapshot}
        for line in journal.splitlines():
            if not line.strip():
                continue
            record = json.loads(line)
            if "deleted" in record:
                jobs.pop(record["deleted"], None)
            elif "update" in record:  # a change of status, times, error or files: only what changed
                changes = {name: value for name, value in record.items() if name != "update"}
                if record["update"] in jobs:
                    jobs[record["update"]].update(changes)
            else:
                jobs[record["id"]] = record
        return jobs
    raise AssertionError(f"could not read the store in {data_dir}")
