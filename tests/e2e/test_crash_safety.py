"""kill -9 at random moments during tracked requests: every ID a client received survives, jobs.json stays valid.

Several rounds against the same data folder. In each, four clients send tracked requests (streamed,
so the X-Job-ID header is taken as soon as it arrives) while the server is killed with SIGKILL at a
random request count plus a random delay: some jobs are queued, one is generating, some bodies are
half sent. The store starts with 2,000 jobs and a journal close to its compaction threshold, so a
compaction runs during the first round too.
"""
import base64
import json
import random
import threading
import time
from pathlib import Path

import httpx

from api_client import get_job, payload
from support.store_files import job_id, sample_job, write_journal, write_snapshot

TOTAL_REQUESTS = 200
CLIENTS = 4
SEEDED = 2_000
RESTARTED_MARKER = "restarted"


def test_every_delivered_id_survives_kill_9_at_random_points(tracker, tmp_path):
    data_dir = tmp_path / "data"
    seeds = [sample_job(n, SEEDED, newest=time.time() - 60) for n in range(SEEDED)]
    write_snapshot(data_dir, seeds)
    write_journal(data_dir, [dict(seeds[n], prompt=f"edited {n}") for n in range(990)])
    rng = random.Random(20260129)
    delivered: dict[str, list[bytes] | None] = {}  # ID -> images if the whole body arrived
    previous_round: dict[str, list[bytes] | None] = {}
    sent = 0
    rounds = 0
    while sent < TOTAL_REQUESTS and rounds < 12:
        rounds += 1
        server = tracker("--standin-step-seconds", "0.01", data_dir=data_dir)
        _assert_all_survived(server, previous_round)  # this start is the restart after the last kill
        kill_at = min(TOTAL_REQUESTS, sent + rng.randint(15, 60))
        round_ids: dict[str, list[bytes] | None] = {}
        counter = _Counter(sent)
        killed = threading.Event()
        errors: list[str] = []

        def client(seed: int) -> None:
            local = random.Random(seed)
            with httpx.Client(base_url=server.base_url, timeout=30, trust_env=False) as http:
                while not killed.is_set():
                    n = counter.take(kill_at)
                    if n is None:
                        return
                    body = payload(f"crash round {rounds} request {n}", seed=n, steps=local.randint(1, 6),
                                   batch_size=local.randint(1, 2))
                    try:
                        with http.stream("POST", "/sdapi/v1/txt2img", json=body) as response:
                            jid = response.headers.get("x-job-id")
                            if jid is None:
                                errors.append(f"no X-Job-ID on a tracked request: {response.status_code}")
                                return
                            round_ids[jid] = None
                            content = json.loads(response.read())
                            round_ids[jid] = [base64.b64decode(i) for i in content["images"]]
                    except (httpx.TransportError, json.JSONDecodeError):
                        return  # the server died under this request

        threads = [threading.Thread(target=client, args=(rng.random(),)) for _ in range(CLIENTS)]
        for thread in threads:
            thread.start()
        counter.wait_for(kill_at)
        time.sleep(rng.uniform(0, 0.08))
        server.kill9()
        killed.set()
        for thread in threads:
            thread.join(60)
        sent = counter.value
        assert not errors, errors
        _assert_snapshot_is_valid(data_dir)
        delivered.update(round_ids)
        previous_round = round_ids

    assert sent >= TOTAL_REQUESTS, f"only {sent} requests in {rounds} rounds"
    assert len(delivered) >= TOTAL_REQUESTS * 0.8, f"only {len(delivered)} of {sent} requests got their header"
    assert any(images is None for images in delivered.values()), "no kill hit a request between its header and its body"
    final = tracker(data_dir=data_dir)
    _assert_all_survived(final, delivered)
    for n in rng.sample(range(SEEDED), 50):
        job = get_job(final.base_url, job_id(n), params={"images": "false"})
        assert job.status_code == 200, f"seeded job {job_id(n)} lost: {job.text}"
        assert job.json()["prompt"] == (f"edited {n}" if n < 990 else seeds[n]["prompt"])
    final.assert_no_tracker_errors()


class _Counter:
    """Hands out request numbers up to a limit; tells when the limit was handed out."""

    def __init__(self, start: int):
        self.value = start
        self._lock = threading.Condition()

    def take(self, limit: int):
        with self._lock:
            if self.value >= limit:
                return None
            self.value += 1
            self._lock.notify_all()
            return self.value

    def wait_for(self, limit: int) -> None:
        with self._lock:
            self._lock.wait_for(lambda: self.value >= limit, timeout=60)


def _assert_snapshot_is_valid(data_dir: Path) -> None:
    snapshot = data_dir / "jobs.json"
    if snapshot.exists():
        jobs = json.loads(snapshot.read_text(encoding="utf-8"))
        assert isinstance(jobs, list)


def _assert_all_survived(server, delivered: dict) -> None:
    with httpx.Client(base_url=server.base_url, timeout=30, trust_env=False) as http:
        for jid, images in delivered.items():
            response = http.get(f"/sdapi/v1/job/{jid}", params=None if images else {"images": "false"})
            assert response.status_code == 200, f"job {jid}, whose ID was delivered, is gone after kill -9: {response.text}"
            job = response.json()
            assert job["status"] in ("Completed", "Failed"), f"job {jid} still {job['status']} after a restart"
            if images is not None:
                assert job["status"] == "Completed", f"job {jid} answered to its client but {job['status']}: {job['error']}"
                assert [base64.b64decode(i) for i in job["images"]] == images
            elif job["status"] == "Failed":
                assert RESTARTED_MARKER in job["error"], f"job {jid}: {job['error']}"
