"""The WebUI keeps answering while the tracker works with megabytes of images: building a job's answer (reading the
files, base64, the JSON; for a client of the tracker's own path and for a browser, whose request goes through A1111's
stack) and storing A1111's result (decoding, writing the files) run off the event loop. How long they take is
measured by tests/bench/big_job_bench.py, not here."""
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from api_client import payload, txt2img
from repo import REPO

HOLD_EXTENSION = REPO / "tests" / "e2e" / "extensions" / "held-core-calls"
IMAGES = 4


def _get_soon(server, path: str, **kwargs) -> httpx.Response:
    return httpx.get(f"{server.base_url}{path}", timeout=10, trust_env=False, **kwargs)


def _wait_until_held(server, point: str) -> None:
    deadline = time.monotonic() + 30
    while server.get(f"/test/hold/{point}").json()["held"] != 1:
        assert time.monotonic() < deadline, f"no {point} call was ever held"
        time.sleep(0.02)


def _answered_meanwhile(server, job_id: str) -> list[httpx.Response]:
    # Each is answered by the event loop while the core call is held in the middle of its work: were that call made on
    # the loop, they would wait for the release (which only the loop could receive) and time out.
    return [_get_soon(server, "/standin/generations"), _get_soon(server, "/sdapi/v1/progress"),
            _get_soon(server, f"/sdapi/v1/job/{job_id}", params={"images": "false"})]


@pytest.mark.parametrize("headers", [{}, {"Origin": "http://example.test"}], ids=["tracker-path", "browser"])
def test_the_webui_answers_while_a_job_with_its_images_is_being_built(tracker, headers):
    server = tracker(more_extensions=[HOLD_EXTENSION])
    response = txt2img(server.base_url, payload("held while built", width=256, height=256, batch_size=IMAGES))
    assert response.status_code == 200, response.text
    job_id = response.headers["x-job-id"]

    server.post("/test/hold/answer/arm")
    with ThreadPoolExecutor(max_workers=1) as pool:
        job = pool.submit(server.get, f"/sdapi/v1/job/{job_id}", headers=headers)
        try:
            _wait_until_held(server, "answer")
            trivial, progress, other_job = _answered_meanwhile(server, job_id)
            assert server.get("/test/hold/answer").json()["held"] == 1, "the job's answer did not wait meanwhile"
        finally:
            server.post("/test/hold/answer/release")
        answer = job.result(timeout=60)

    assert trivial.status_code == 200 and progress.status_code == 200
    assert other_job.status_code == 200 and other_job.json()["status"] == "Completed"
    assert answer.status_code == 200, answer.text[:300]
    assert len(answer.json()["images"]) == IMAGES
    server.assert_no_tracker_errors()


def test_the_webui_answers_while_a_result_with_images_is_being_stored(tracker):
    server = tracker(more_extensions=[HOLD_EXTENSION])
    server.post("/test/hold/finish/arm")
    body = payload("held while stored", width=256, height=256, batch_size=IMAGES)
    with ThreadPoolExecutor(max_workers=1) as pool:
        generation = pool.submit(txt2img, server.base_url, body)
        try:
            _wait_until_held(server, "finish")
            job_id = server.get("/sdapi/v1/jobs", params={"limit": 1}).json()[0]["id"]
            trivial, progress, job = _answered_meanwhile(server, job_id)
            assert server.get("/test/hold/finish").json()["held"] == 1, "storing the result did not wait meanwhile"
        finally:
            server.post("/test/hold/finish/release")
        response = generation.result(timeout=60)

    assert trivial.status_code == 200 and progress.status_code == 200
    assert job.status_code == 200 and job.json()["status"] == "Processing"  # A1111 has answered; not yet stored
    assert response.status_code == 200 and response.json()["job_id"] == job_id
    assert len(server.get(f"/sdapi/v1/job/{job_id}").json()["images"]) == IMAGES
    server.assert_no_tracker_errors()


def test_a_browser_gets_images_and_large_answers_as_they_are_and_small_json_gzipped_as_a1111_gives_it(tracker):
    # A1111's GZipMiddleware compresses every body of 1,000 bytes or more on the event loop: base64 PNGs for hundreds
    # of milliseconds, for a quarter less at best. The tracker keeps it to the JSON that pays (see reply_encoding).
    server = tracker("--standin-grain", "16")  # full-size PNGs: PNG cannot shrink the stand-in's noise
    response = txt2img(server.base_url, payload("as they are", width=256, height=256, batch_size=IMAGES))
    job_id = response.headers["x-job-id"]
    browser = {"Origin": "http://example.test", "Accept-Encoding": "gzip"}

    with_images = server.get(f"/sdapi/v1/job/{job_id}", headers=browser)
    image = server.get(f"/sdapi/v1/job/{job_id}/images/0", headers=browser)
    small = server.get(f"/sdapi/v1/job/{job_id}", params={"images": "false"}, headers=browser)

    assert with_images.status_code == 200 and len(with_images.content) > 128 * 1024
    assert "content-encoding" not in with_images.headers
    assert with_images.json()["images"] == response.json()["images"]
    assert image.status_code == 200 and "content-encoding" not in image.headers
    assert image.headers["content-type"] == "image/png"
    assert small.status_code == 200 and small.headers.get("content-encoding") == "gzip"
    assert small.json()["id"] == job_id
