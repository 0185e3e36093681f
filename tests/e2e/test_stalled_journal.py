"""A journal write that stalls (a hung disk, here a FIFO nobody reads yet) holds up only the request being
journaled: lookups and lists go on answering, and the stalled job's X-Job-ID still leaves only once it is journaled."""
import os
import sys
import threading
import time

import httpx
import pytest

from api_client import payload, txt2img

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="a FIFO stands for the stalled disk")


def test_lookups_answer_while_the_journal_write_stalls(tracker, tmp_path):
    data_dir = tmp_path / "data"
    server = tracker(data_dir=data_dir)
    seeded = txt2img(server.base_url, payload("before the stall")).headers["x-job-id"]
    server.stop()  # a clean stop folds the journal into jobs.json: the next start opens no journal until a change
    server = tracker(data_dir=data_dir)
    journal = data_dir / "jobs.journal"
    assert not journal.exists()
    os.mkfifo(journal, 0o600)

    answers = {}

    def submit():
        answers["post"] = httpx.post(f"{server.base_url}/sdapi/v1/txt2img", json=payload("stalled"), timeout=120,
                                     headers={"Prefer": "respond-async"}, trust_env=False)

    poster = threading.Thread(target=submit)
    poster.start()
    reader = None
    try:
        # The POST now waits in the journal's open(): nobody reads the FIFO yet.
        deadline = time.monotonic() + 30
        while not answers and time.monotonic() < deadline:
            job = httpx.get(f"{server.base_url}/sdapi/v1/job/{seeded}", params={"images": "false"}, timeout=10,
                            trust_env=False)
            listed = httpx.get(f"{server.base_url}/sdapi/v1/jobs", timeout=10, trust_env=False)
            assert job.status_code == 200 and job.json()["status"] == "Completed"
            assert listed.status_code == 200 and seeded in {j["id"] for j in listed.json()}
            if len(listed.json()) == 2:
                break  # the stalled job is in memory, so its write has begun
            time.sleep(0.05)
        assert len(listed.json()) == 2, "the stalled job never reached the store"
        assert not answers, "the X-Job-ID left before its job was journaled"
    finally:
        reader = os.open(journal, os.O_RDONLY)  # the disk comes back
    journaled = bytearray()
    drained = threading.Event()

    def drain():  # keep reading, as a disk would take the job's later lines, until the tracker closes the journal
        while chunk := os.read(reader, 65536):
            journaled.extend(chunk)
        os.close(reader)
        drained.set()

    threading.Thread(target=drain, daemon=True).start()
    poster.join(60)
    assert answers["post"].status_code == 202
    job_id = answers["post"].headers["x-job-id"]
    deadline = time.monotonic() + 30
    while job_id.encode() not in journaled and time.monotonic() < deadline:
        time.sleep(0.05)
    assert job_id.encode() in journaled
    server.stop()
    assert drained.wait(30), "the tracker never closed the journal"
