"""A large prompt is written once: one journal record (status changes are short update lines), a stored answer
that leaves out what the image and info files hold, and a list that carries each prompt once."""
import json
from pathlib import Path

from api_client import get_job, list_jobs, payload, txt2img

PROMPT_BYTES = 1 << 20


def _journal_bytes(data_dir: Path) -> int:
    return sum(p.stat().st_size for p in data_dir.glob("jobs.journal*"))


def test_a_1_mb_prompt_costs_its_bytes_once(tracker, tmp_path):
    data_dir = tmp_path / "data"
    server = tracker(data_dir=data_dir)
    txt2img(server.base_url, payload("warm-up"))
    before = _journal_bytes(data_dir)
    prompt = "a lighthouse " + "x" * (PROMPT_BYTES - 13)
    response = txt2img(server.base_url, payload(prompt, batch_size=2))
    assert response.status_code == 200
    job_id = response.headers["x-job-id"]

    journal = _journal_bytes(data_dir) - before
    assert PROMPT_BYTES < journal < PROMPT_BYTES + 4096, f"{journal} journal bytes for one job"
    lines = [json.loads(line) for line in (data_dir / "jobs.journal").read_text("utf-8").splitlines()[-3:]]
    assert [line.get("status") for line in lines] == ["Pending", "Processing", "Completed"]
    assert [("prompt" in line) for line in lines] == [True, False, False]

    reply = (data_dir / "output" / f"{job_id}-reply.bin").stat().st_size
    # A1111's answer echoes the prompt in "parameters" (kept) and three times in "info" (left out: the info file has it).
    assert reply < PROMPT_BYTES + 8192, f"{reply} bytes of stored answer"

    listed = list_jobs(server.base_url, limit=5)
    assert len(listed.content) < PROMPT_BYTES + 4096
    assert get_job(server.base_url, job_id, params={"images": "false"}).json()["prompt"] == prompt

    retried = txt2img(server.base_url, payload(prompt, batch_size=2), headers={"X-Job-ID": job_id})
    assert retried.content == response.content, "the stored answer is still given back byte for byte"
