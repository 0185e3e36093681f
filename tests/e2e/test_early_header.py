"""X-Job-ID leaves as soon as A1111 queues the request, before the image is generated."""
import json
import socket
import time

import httpx

from api_client import payload, wait_for_status

# 20 steps x 0.1 s: a generation lasting 2 s.
SLOW_STEPS = 20
STEP_SECONDS = 0.1


def test_headers_arrive_well_before_a_slow_generation_ends(tracker):
    server = tracker("--standin-step-seconds", str(STEP_SECONDS))
    started = time.monotonic()
    with httpx.stream("POST", f"{server.base_url}/sdapi/v1/txt2img",
                      json=payload(steps=SLOW_STEPS), timeout=60, trust_env=False) as response:
        headers_after = time.monotonic() - started
        job_id = response.headers["x-job-id"]
        body = json.loads(response.read())
    total = time.monotonic() - started

    generation_seconds = SLOW_STEPS * STEP_SECONDS
    assert total >= generation_seconds
    assert headers_after < generation_seconds / 2, f"headers after {headers_after:.2f}s"
    assert body["job_id"] == job_id
    assert len(body["images"]) == 1


def test_client_gone_after_the_header_still_gets_its_job(tracker):
    server = tracker("--standin-step-seconds", str(STEP_SECONDS))
    request_body = json.dumps(payload("left early", steps=SLOW_STEPS, batch_size=2)).encode()
    host, port = server.host_port()
    with socket.create_connection((host, port), timeout=10) as connection:
        connection.sendall(
            b"POST /sdapi/v1/txt2img HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            + f"Content-Length: {len(request_body)}\r\n\r\n".encode() + request_body)
        head = b""
        deadline = time.monotonic() + 30
        while b"\r\n\r\n" not in head:
            assert time.monotonic() < deadline, f"no complete response head within 30 s: {head!r}"
            chunk = connection.recv(4096)
            assert chunk, f"the connection closed before the response head ended: {head!r}"
            head += chunk
    job_id = next(line.split(b":", 1)[1].strip().decode()
                  for line in head.split(b"\r\n") if line.lower().startswith(b"x-job-id:"))

    job = wait_for_status(server.base_url, job_id, {"Completed", "Failed"})
    assert job["status"] == "Completed", (job["error"], server.log_text())
    assert len(job["images"]) == 2
    assert job["prompt"] == "left early"
