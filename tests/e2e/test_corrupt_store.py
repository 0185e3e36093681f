"""A corrupt jobs.json at startup is moved aside, its intact jobs and the journal recovered, and it is logged."""
import json
import time
from pathlib import Path

from api_client import get_job, payload, txt2img
from support.store_files import job_id, sample_job, write_journal, write_snapshot


def test_cut_short_jobs_json_is_moved_aside_and_recovered(tracker, tmp_path):
    data_dir = tmp_path / "data"
    jobs = [sample_job(n, 50, newest=time.time() - 60) for n in range(50)]
    snapshot = write_snapshot(data_dir, jobs[:45])
    whole = snapshot.read_bytes()
    damaged = whole[: whole.index(job_id(30).encode()) + 40]  # as if the disk lost the file's tail
    snapshot.write_bytes(damaged)
    write_journal(data_dir, jobs[45:])

    server = tracker(data_dir=data_dir)
    log = server.log_text()
    assert "jobs.json is unreadable" in log and "recovered 30 job(s)" in log, log
    aside = list(data_dir.glob("jobs.json.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == damaged
    for n in [*range(30), *range(45, 50)]:
        assert get_job(server.base_url, job_id(n), params={"images": "false"}).status_code == 200, n
    assert get_job(server.base_url, job_id(30)).status_code == 404
    new_id = txt2img(server.base_url, payload("after the repair")).headers["x-job-id"]
    server.stop()

    stored = json.loads((data_dir / "jobs.json").read_text())
    assert len(stored) == 36 and new_id in {job["id"] for job in stored}
    restarted = tracker(data_dir=data_dir)
    assert get_job(restarted.base_url, new_id).json()["status"] == "Completed"
    assert len(list(Path(data_dir).glob("jobs.json.corrupt-*"))) == 1
