"""Retention: at startup, expired jobs and their files go; recent ones and foreign files stay."""
import json
import time
from pathlib import Path

from api_client import get_job, list_jobs, payload, txt2img

DAY = 24 * 3600


def _age_jobs(data_dir: Path, job_ids, days: float):
    """Rewrite the stored creation times, as if these jobs had been made `days` ago."""
    jobs = json.loads((data_dir / "jobs.json").read_text())
    for job in jobs:
        if job["id"] in job_ids:
            job["timestamp"] = int(time.time() - days * DAY)
            job["created"] = time.time() - days * DAY
    (data_dir / "jobs.json").write_text(json.dumps(jobs))


def test_expired_jobs_and_files_are_purged_at_startup(tracker):
    server = tracker()
    old = [txt2img(server.base_url, payload(f"old {n}", batch_size=2)).headers["x-job-id"] for n in range(3)]
    recent = [txt2img(server.base_url, payload(f"recent {n}")).headers["x-job-id"] for n in range(2)]
    server.stop()  # a clean stop writes the snapshot that is edited below

    data_dir = Path(server.data_dir)
    output = data_dir / "output"
    foreign = output / "keep-me.png"
    foreign.write_bytes(b"not the tracker's")
    _age_jobs(data_dir, old, days=3)
    old_files = [path for path in output.iterdir() if path.name.split("-")[0] in old]
    assert len([path for path in old_files if path.suffix == ".png"]) == 6

    restarted = tracker(data_dir=server.data_dir, env={"TRACKER_RETENTION": "1"})
    for job_id in old:
        assert get_job(restarted.base_url, job_id).status_code == 404
    for job_id in recent:
        assert get_job(restarted.base_url, job_id).json()["status"] == "Completed"
    assert not any(path.exists() for path in old_files)
    assert foreign.exists()
    assert {j["id"] for j in list_jobs(restarted.base_url).json()} == set(recent)
