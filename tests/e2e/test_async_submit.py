"""Prefer: respond-async gets 202 Accepted at admission; the job endpoint then reports queue, progress, result."""
import time

import httpx

from api_client import payload, wait_for_status

STEP_SECONDS = 0.2


def _submit_async(base_url, body, **headers):
    return httpx.post(f"{base_url}/sdapi/v1/txt2img", json=body, timeout=30, trust_env=False,
                      headers={"Prefer": "respond-async", **headers})


def _generations(server) -> int:
    return server.get("/standin/generations").json()["count"]


def test_async_submit_answers_202_at_once_and_the_location_ends_completed(tracker):
    server = tracker("--standin-step-seconds", str(STEP_SECONDS))
    steps = 15  # 3 s of generation
    warm_up = _submit_async(server.base_url, payload("warm-up", steps=1))
    assert warm_up.status_code == 202
    wait_for_status(server.base_url, warm_up.headers["x-job-id"], {"Completed"})
    started = time.monotonic()
    response = _submit_async(server.base_url, payload("async lighthouse", steps=steps, batch_size=2))
    elapsed = time.monotonic() - started
    print(f"\n202 Accepted after {elapsed * 1000:.1f} ms for a generation of {steps * STEP_SECONDS:.1f} s")

    assert response.status_code == 202, response.text
    job_id = response.headers["x-job-id"]
    assert response.headers["location"] == f"/sdapi/v1/job/{job_id}"
    assert response.headers["preference-applied"] == "respond-async"
    assert 1 <= int(response.headers["retry-after"]) <= 5
    accepted = response.json()
    assert accepted["id"] == job_id and accepted["status"] in ("Pending", "Processing")
    assert "images" not in accepted
    assert accepted["image_urls"] == []

    job = None
    deadline = time.monotonic() + 60
    while job is None or job["status"] not in ("Completed", "Failed"):
        assert time.monotonic() < deadline, f"job {job_id} never finished: {job}"
        reply = server.get(response.headers["location"])
        job = reply.json()
        if job["status"] in ("Pending", "Processing"):
            assert 1 <= int(reply.headers["retry-after"]) <= 5
            time.sleep(0.2)
        else:
            assert "retry-after" not in reply.headers
    assert job["status"] == "Completed", job["error"]
    assert len(job["images"]) == 2
    assert job["info"]["seed"] == 1234
    assert job["started"] >= job["created"] and job["finished"] >= job["started"]
    assert _generations(server) == 2
    server.assert_no_tracker_errors()


def test_without_prefer_the_answer_is_unchanged(tracker):
    server = tracker()
    response = httpx.post(f"{server.base_url}/sdapi/v1/txt2img", json=payload(), timeout=30, trust_env=False)
    assert response.status_code == 200
    assert "preference-applied" not in response.headers
    assert len(response.json()["images"]) == 1


def test_a_request_a1111_refuses_keeps_its_own_4xx_and_leaves_no_job(tracker):
    server = tracker()
    response = _submit_async(server.base_url, payload(script_name="no such script"))
    assert response.status_code == 422, response.text
    assert "preference-applied" not in response.headers
    assert server.get("/sdapi/v1/jobs").json() == []


def test_three_jobs_behind_a_slow_one_report_queue_positions_then_rising_progress(tracker):
    server = tracker("--standin-step-seconds", str(STEP_SECONDS))
    slow = _submit_async(server.base_url, payload("slow one", steps=20))
    assert slow.status_code == 202
    queued = []
    for n in range(3):
        reply = _submit_async(server.base_url, payload(f"queued {n}", steps=8))
        assert reply.status_code == 202
        assert reply.json()["queue_position"] == n + 1  # already in the 202
        queued.append(reply.headers["x-job-id"])

    positions = [server.get(f"/sdapi/v1/job/{job_id}?images=false").json() for job_id in queued]
    assert [job["status"] for job in positions] == ["Pending"] * 3
    assert [job["queue_position"] for job in positions] == [1, 2, 3]
    assert all(job["progress"] == 0 for job in positions)

    last = queued[-1]
    seen = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        job = server.get(f"/sdapi/v1/job/{last}?images=false").json()
        if job["status"] == "Processing":
            assert job["queue_position"] is None
            assert job["eta_seconds"] is None or job["eta_seconds"] >= 0
            seen.append(job["progress"])
        if job["status"] in ("Completed", "Failed"):
            break
        time.sleep(0.1)
    assert job["status"] == "Completed", job["error"]
    assert job["progress"] == 1
    assert len(set(seen)) >= 3, seen
    assert seen == sorted(seen), seen
    assert 0 <= seen[0] < 0.5 and seen[-1] <= 1
    wait_for_status(server.base_url, slow.headers["x-job-id"], {"Completed"})
