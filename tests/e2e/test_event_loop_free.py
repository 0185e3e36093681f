"""The WebUI keeps answering while the tracker works with megabytes of images: reading a request (an img2img's init
images), copying A1111's answer, building a job's answer (reading the files, base64, the JSON; for a client of the
tracker's own path and for a browser, whose request goes through A1111's stack), a list, an image file, storing
A1111's result (decoding, writing the files) and recording a cancel all run off the event loop. How long they take
is measured by tests/bench/big_job_bench.py, not here."""
import base64
import io
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from PIL import Image

from api_client import payload, txt2img, wait_for_status
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


def _while_held(server, point: str, call, meanwhile):
    """(call's result, meanwhile's): call() is made in the background with the hold point armed, and meanwhile() runs
    once it is held in the middle of its work. Whatever meanwhile() asks is answered by the event loop: were the held
    call made on the loop, it would wait for the release (which only the loop could receive) and time out."""
    server.post(f"/test/hold/{point}/arm")
    with ThreadPoolExecutor(max_workers=1) as pool:
        pending = pool.submit(call)
        try:
            _wait_until_held(server, point)
            seen = meanwhile()
            assert server.get(f"/test/hold/{point}").json()["held"] == 1, f"the {point} call did not wait meanwhile"
        finally:
            server.post(f"/test/hold/{point}/release")
        return pending.result(timeout=60), seen


def _trivial_answers_meanwhile(server) -> tuple[httpx.Response, httpx.Response]:
    return _get_soon(server, "/standin/generations"), _get_soon(server, "/sdapi/v1/progress")


def _answered_meanwhile(server, job_id: str) -> tuple[httpx.Response, httpx.Response, httpx.Response]:
    return (*_trivial_answers_meanwhile(server),
            _get_soon(server, f"/sdapi/v1/job/{job_id}", params={"images": "false"}))


def _newest_job_answered_meanwhile(server) -> tuple[str, tuple[httpx.Response, httpx.Response, httpx.Response]]:
    """(the ID of the job being generated, what _answered_meanwhile got), for a generation whose ID is not known yet."""
    newest = server.get("/sdapi/v1/jobs", params={"limit": 1}).json()[0]["id"]
    return newest, _answered_meanwhile(server, newest)


@pytest.mark.parametrize("headers", [{}, {"Origin": "http://example.test"}], ids=["tracker-path", "browser"])
def test_the_webui_answers_while_a_job_with_its_images_is_being_built(tracker, headers):
    server = tracker(more_extensions=[HOLD_EXTENSION])
    response = txt2img(server.base_url, payload("held while built", width=256, height=256, batch_size=IMAGES))
    assert response.status_code == 200, response.text
    job_id = response.headers["x-job-id"]

    answer, (trivial, progress, other_job) = _while_held(
        server, "answer", lambda: server.get(f"/sdapi/v1/job/{job_id}", headers=headers),
        lambda: _answered_meanwhile(server, job_id))

    assert trivial.status_code == 200 and progress.status_code == 200
    assert other_job.status_code == 200 and other_job.json()["status"] == "Completed"
    assert answer.status_code == 200, answer.text[:300]
    assert len(answer.json()["images"]) == IMAGES
    server.assert_no_tracker_errors()


def test_the_webui_answers_while_a_result_with_images_is_being_stored(tracker):
    server = tracker(more_extensions=[HOLD_EXTENSION])
    body = payload("held while stored", width=256, height=256, batch_size=IMAGES)

    response, (job_id, (trivial, progress, job)) = _while_held(
        server, "finish", lambda: txt2img(server.base_url, body), lambda: _newest_job_answered_meanwhile(server))

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


def _noise_png_base64(size: int) -> str:
    buffer = io.BytesIO()
    Image.effect_noise((size, size), 64).convert("RGB").save(buffer, format="PNG")
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def test_the_webui_answers_while_a_large_request_is_being_read(tracker):
    server = tracker(more_extensions=[HOLD_EXTENSION])
    body = payload("read off the loop", init_images=[_noise_png_base64(512)] * 2, denoising_strength=0.5)
    response, (trivial, progress, jobs) = _while_held(
        server, "begin", lambda: server.post("/sdapi/v1/img2img", json=body),
        lambda: (*_trivial_answers_meanwhile(server), _get_soon(server, "/sdapi/v1/jobs")))

    assert trivial.status_code == 200 and progress.status_code == 200
    assert jobs.status_code == 200 and jobs.json() == []  # not a job yet: its request was still being read
    assert response.status_code == 200, response.text[:300]
    job = server.get(f"/sdapi/v1/job/{response.headers['x-job-id']}", params={"images": "false"}).json()
    assert job["status"] == "Completed" and job["kind"] == "img2img"
    server.assert_no_tracker_errors()


def test_the_webui_answers_while_a_piece_of_a1111s_answer_is_being_copied(tracker):
    # Full-size PNGs (the stand-in's noise does not shrink): megabytes, not a small piece copied at once.
    server = tracker("--standin-grain", "16", more_extensions=[HOLD_EXTENSION])
    body = payload("copied off the loop", width=256, height=256, batch_size=IMAGES)
    response, (trivial, progress) = _while_held(
        server, "piece", lambda: txt2img(server.base_url, body), lambda: _trivial_answers_meanwhile(server))

    assert trivial.status_code == 200 and progress.status_code == 200
    assert response.status_code == 200 and len(response.json()["images"]) == IMAGES
    job = server.get(f"/sdapi/v1/job/{response.headers['x-job-id']}").json()
    assert job["status"] == "Completed" and job["images"] == response.json()["images"]
    server.assert_no_tracker_errors()


@pytest.mark.parametrize("point", ["list", "image"])
def test_the_webui_answers_while_a_list_or_an_image_is_being_read(tracker, point):
    server = tracker(more_extensions=[HOLD_EXTENSION])
    response = txt2img(server.base_url, payload("listed off the loop", width=256, height=256))
    job_id = response.headers["x-job-id"]
    path = "/sdapi/v1/jobs" if point == "list" else f"/sdapi/v1/job/{job_id}/images/0"

    answer, (trivial, progress, job) = _while_held(
        server, point, lambda: server.get(path, params={"limit": 1000} if point == "list" else None),
        lambda: _answered_meanwhile(server, job_id))

    assert trivial.status_code == 200 and progress.status_code == 200 and job.status_code == 200
    assert answer.status_code == 200
    if point == "list":
        assert [listed["id"] for listed in answer.json()] == [job_id]
    else:
        assert answer.headers["content-type"] == "image/png"
        assert answer.content == base64.b64decode(response.json()["images"][0])
    server.assert_no_tracker_errors()


def test_the_webui_answers_while_a_cancel_is_being_recorded(tracker):
    server = tracker("--standin-step-seconds", "0.2", more_extensions=[HOLD_EXTENSION])
    submitted = server.post("/sdapi/v1/txt2img", json=payload("cancelled off the loop", steps=50),
                            headers={"Prefer": "respond-async"})
    assert submitted.status_code == 202, submitted.text
    job_id = submitted.headers["x-job-id"]
    wait_for_status(server.base_url, job_id, {"Processing"}, params={"images": "false"})

    cancel, (trivial, progress, job) = _while_held(
        server, "cancel", lambda: server.post(f"/sdapi/v1/job/{job_id}/cancel"),
        lambda: _answered_meanwhile(server, job_id))

    assert trivial.status_code == 200 and progress.status_code == 200
    assert job.status_code == 200 and job.json()["status"] == "Processing"
    assert cancel.status_code == 202, cancel.text  # interrupted: it ends once A1111 finishes its current step
    ended = wait_for_status(server.base_url, job_id, {"Failed"}, params={"images": "false"})
    assert ended["cancelled"] is True
    server.assert_no_tracker_errors()


def test_the_webui_answers_while_an_exchange_is_being_ended(tracker):
    server = tracker(more_extensions=[HOLD_EXTENSION])
    body = payload("ended off the loop")

    response, (job_id, (trivial, progress, job)) = _while_held(
        server, "end", lambda: txt2img(server.base_url, body), lambda: _newest_job_answered_meanwhile(server))

    assert trivial.status_code == 200 and progress.status_code == 200
    assert job.status_code == 200 and job.json()["status"] == "Completed"  # recorded before the exchange ends
    assert response.status_code == 200 and response.json()["job_id"] == job_id
    server.assert_no_tracker_errors()
