"""A client-chosen X-Job-ID: the job takes it, and a retry never generates twice (Idempotency-Key rules)."""
import json
from pathlib import Path

import httpx

from api_client import decoded, get_job, payload, wait_for_status

STEP_SECONDS = 0.2


def _post(base_url, body: bytes, **headers):
    return httpx.post(f"{base_url}/sdapi/v1/txt2img", content=body, timeout=60, trust_env=False,
                      headers={"Content-Type": "application/json", **headers})


def _generations(server) -> int:
    return server.get("/standin/generations").json()["count"]


def test_a_retry_after_the_job_finished_returns_the_identical_body_without_generating(tracker):
    server = tracker()
    body = json.dumps(payload("retry me", batch_size=2)).encode()
    first = _post(server.base_url, body, **{"X-Job-ID": "Retry001"})
    assert first.status_code == 200
    assert first.headers["x-job-id"] == "Retry001"
    assert first.json()["job_id"] == "Retry001"
    assert len(first.json()["images"]) == 2
    generated = _generations(server)

    again = _post(server.base_url, body, **{"X-Job-ID": "Retry001"})
    assert again.status_code == 200
    assert again.headers["x-job-id"] == "Retry001"
    assert again.content == first.content
    assert _generations(server) == generated

    # The images are kept once, as files: the stored answer leaves them out and they are put back on replay.
    kept = (Path(server.data_dir) / "output" / "Retry001-reply.bin").read_bytes()
    assert b'"images":[]' in kept
    assert all(image.encode() not in kept for image in first.json()["images"])

    job = get_job(server.base_url, "Retry001").json()
    assert job["status"] == "Completed"
    assert decoded(job["images"]) == decoded(first.json()["images"])
    server.assert_no_tracker_errors()


def test_a_retry_while_the_job_is_in_flight_is_409_and_a_different_body_422(tracker):
    server = tracker("--standin-step-seconds", str(STEP_SECONDS))
    body = json.dumps(payload("long one", steps=10)).encode()
    accepted = _post(server.base_url, body, **{"X-Job-ID": "InFlight", "Prefer": "respond-async"})
    assert accepted.status_code == 202
    assert accepted.headers["x-job-id"] == "InFlight"

    in_flight = _post(server.base_url, body, **{"X-Job-ID": "InFlight"})
    assert in_flight.status_code == 409
    assert in_flight.json()["error"] == "Conflict"
    assert 1 <= int(in_flight.headers["retry-after"]) <= 5

    other = _post(server.base_url, json.dumps(payload("another prompt")).encode(), **{"X-Job-ID": "InFlight"})
    assert other.status_code == 422
    assert other.json()["error"] == "IdempotencyKeyMismatch"

    job = wait_for_status(server.base_url, "InFlight", {"Completed", "Failed"})
    assert job["status"] == "Completed" and job["prompt"] == "long one"
    assert _generations(server) == 1

    # Finished: the async request's first answer (never sent, only stored) comes back, still without generating.
    replay = _post(server.base_url, body, **{"X-Job-ID": "InFlight", "Prefer": "respond-async"})
    assert replay.status_code == 200
    assert replay.json()["job_id"] == "InFlight"
    assert decoded(replay.json()["images"]) == decoded(job["images"])
    assert _generations(server) == 1


def test_a_malformed_job_id_is_400_json_and_nothing_generates(tracker):
    server = tracker()
    body = json.dumps(payload()).encode()
    for bad in (b"short", b"toolong123", b"with-dsh", b"../../x1", b"Abcdefg\xe9", b"A1b2 C3d", b""):
        response = _post(server.base_url, body, **{"X-Job-ID": bad})
        assert response.status_code == 400, bad
        assert response.json()["error"] == "BadRequest"
    assert _generations(server) == 0
    assert server.get("/sdapi/v1/jobs").json() == []


def test_the_id_the_server_chose_also_replays_the_same_request(tracker):
    server = tracker()
    body = json.dumps(payload("server chose, client retries")).encode()
    first = _post(server.base_url, body)
    again = _post(server.base_url, body, **{"X-Job-ID": first.headers["x-job-id"]})
    assert again.status_code == 200
    assert again.content == first.content
    assert _generations(server) == 1


def test_a_client_id_taken_by_another_request_is_422(tracker):
    server = tracker()
    first = httpx.post(f"{server.base_url}/sdapi/v1/txt2img", json=payload("server chose"), timeout=60, trust_env=False)
    taken = first.headers["x-job-id"]
    response = _post(server.base_url, json.dumps(payload("client chose")).encode(), **{"X-Job-ID": taken})
    assert response.status_code == 422
    assert _generations(server) == 1


def test_with_api_auth_a_retry_without_credentials_gets_a1111s_401(tracker):
    server = tracker("--api-auth", "me:secret")
    body = json.dumps(payload("private")).encode()
    first = _post(server.base_url, body, **{"X-Job-ID": "Private1"}, Authorization=_basic("me", "secret"))
    assert first.status_code == 200
    anonymous = _post(server.base_url, body, **{"X-Job-ID": "Private1"})
    assert anonymous.status_code == 401
    assert "images" not in anonymous.text


def _basic(user: str, password: str) -> str:
    import base64
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
