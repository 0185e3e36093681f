"""A running job's progress never goes down, up to the moment it is Completed.

A1111 clears its current task (and its progress state) when generation ends, then encodes the images and answers;
only that answer completes the job. Large images make that moment last, and a client polling through it must
never see progress fall back to 0 or the ETA vanish.
"""
import time

import httpx

from api_client import payload

STEP_SECONDS = 0.05


def test_progress_only_rises_through_the_end_of_generation(tracker):
    server = tracker("--standin-step-seconds", str(STEP_SECONDS))
    body = payload("progress to the end", steps=12, batch_size=4, width=1024, height=1024)
    with httpx.Client(base_url=server.base_url, timeout=60, trust_env=False) as http:
        accepted = http.post("/sdapi/v1/txt2img", json=body, headers={"Prefer": "respond-async"})
        assert accepted.status_code == 202, accepted.text
        job_id = accepted.headers["x-job-id"]
        samples = []
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            job = http.get(f"/sdapi/v1/job/{job_id}", params={"images": "false"}).json()
            samples.append((job["status"], job["progress"], job["eta_seconds"]))
            if job["status"] in ("Completed", "Failed"):
                break
            time.sleep(0.005)
    assert samples[-1][0] == "Completed", samples[-5:]
    running = [(progress, eta) for status, progress, eta in samples if status == "Processing"]
    progresses = [progress for progress, _ in running]
    assert progresses == sorted(progresses), f"progress went down: {progresses}"
    assert max(progresses) >= 0.9, "no poll saw the end of generation"
    after_the_start = [eta for progress, eta in running if progress > 0.1]
    assert None not in after_the_start, f"the ETA vanished while running: {running[-10:]}"
    print(f"\n{len(running)} polls while Processing, the last at progress {progresses[-1]}")
