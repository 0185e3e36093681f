"""A synchronous tracked request that waits a long time keeps bytes flowing (leading JSON whitespace)."""
import socket
import time

import requests

from api_client import payload

STEP_SECONDS = 0.3
STEPS = 20  # 6 s of generation


def test_a_client_with_a_3s_read_timeout_survives_a_6s_generation(tracker):
    server = tracker("--standin-step-seconds", str(STEP_SECONDS), env={"TRACKER_KEEPALIVE_SECONDS": "1"})
    started = time.monotonic()
    # requests (what webuiapi uses) asks for gzip by default; A1111's GZip must not hold the spaces back.
    response = requests.post(f"{server.base_url}/sdapi/v1/txt2img", json=payload("patient", steps=STEPS),
                             timeout=(5, 3), proxies={"http": None, "https": None})
    elapsed = time.monotonic() - started

    assert elapsed >= STEPS * STEP_SECONDS
    assert response.status_code == 200
    assert response.headers.get("content-encoding") is None
    body = response.json()
    assert body["job_id"] == response.headers["x-job-id"]
    assert len(body["images"]) == 1
    assert response.content.startswith(b" ")
    assert response.content.lstrip().startswith(b"{")
    assert response.content.count(b" ", 0, response.content.index(b"{")) >= 3
    server.assert_no_tracker_errors()


def test_keepalive_spaces_arrive_at_the_configured_interval(tracker):
    server = tracker("--standin-step-seconds", str(STEP_SECONDS), env={"TRACKER_KEEPALIVE_SECONDS": "1"})
    host, port = server.host_port()
    body = (b'{"prompt": "watch the spaces", "steps": %d, "width": 64, "height": 64}' % STEPS)
    with socket.create_connection((host, port), timeout=10) as connection:
        connection.sendall(b"POST /sdapi/v1/txt2img HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                           b"Accept-Encoding: gzip\r\n" + b"Content-Length: %d\r\n\r\n" % len(body) + body)
        connection.settimeout(2.5)  # longer than the interval, far shorter than the generation
        received = b""
        arrivals = []
        deadline = time.monotonic() + 60
        while b"{" not in received:
            assert time.monotonic() < deadline, f"no JSON body within 60 s: {received[-200:]!r}"
            chunk = connection.recv(65536)
            assert chunk, "connection closed early"
            received += chunk
            arrivals.append(time.monotonic())
    head, _, _ = received.partition(b"\r\n\r\n")
    assert b"transfer-encoding: chunked" in head.lower()
    assert len(arrivals) >= 4


def test_keepalive_zero_turns_it_off(tracker):
    server = tracker("--standin-step-seconds", "0.1", env={"TRACKER_KEEPALIVE_SECONDS": "0"})
    response = requests.post(f"{server.base_url}/sdapi/v1/txt2img", json=payload("quiet", steps=15),
                             timeout=30, proxies={"http": None, "https": None})
    assert response.status_code == 200
    assert response.content.startswith(b"{")


def test_an_invalid_keepalive_value_is_logged_and_the_default_applies(tracker):
    server = tracker(env={"TRACKER_KEEPALIVE_SECONDS": "soon"})
    assert "TRACKER_KEEPALIVE_SECONDS" in server.log_text()
    response = requests.post(f"{server.base_url}/sdapi/v1/txt2img", json=payload(), timeout=30,
                             proxies={"http": None, "https": None})
    assert response.status_code == 200
