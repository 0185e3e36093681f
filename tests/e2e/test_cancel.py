"""POST /sdapi/v1/job/{id}/cancel behind --api-auth: a pending job never generates and the jobs behind it move up,
a running job is interrupted (its images so far kept) without touching the next one, an ended job is 409,
another user's job 404, no credentials 401; the synchronous client of a cancelled job gets its answer."""
import json
import queue
import sys
import threading
import time

import httpx
import pytest

from api_client import get_job, payload, wait_for_status
from repo import REPO

sys.path.insert(0, str(REPO / "extension"))
from sd_job_tracker.tab_text import INTERRUPT_SENT  # noqa: E402

USERS = "alice:s3cret,bob:hunter2"
ALICE = ("alice", "s3cret")
BOB = ("bob", "hunter2")
STEP_SECONDS = 0.2


def _server(tracker):
    return tracker("--api-auth", USERS, "--standin-step-seconds", str(STEP_SECONDS))


def _submit_async(server, body, auth=ALICE):
    response = httpx.post(f"{server.base_url}/sdapi/v1/txt2img", json=body, auth=auth, timeout=30, trust_env=False,
                          headers={"Prefer": "respond-async"})
    assert response.status_code == 202, response.text
    return response.headers["x-job-id"]


def _cancel(server, job_id, auth=ALICE):
    return httpx.post(f"{server.base_url}/sdapi/v1/job/{job_id}/cancel", auth=auth, timeout=30, trust_env=False)


def _job(server, job_id):
    response = get_job(server.base_url, job_id, params={"images": "false"}, auth=ALICE)
    assert response.status_code == 200, response.text
    return response.json()


def _generations(server) -> int:
    return server.get("/standin/generations").json()["count"]


def _wait_until(condition, what, timeout=30.0):
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"never happened: {what}")
        time.sleep(0.05)


class SyncRequest:
    """A synchronous txt2img in a thread: its early X-Job-ID, then its status and body, each with a deadline."""

    def __init__(self, server, body, auth=ALICE, headers=None):
        self.job_id: queue.Queue = queue.Queue()
        self.answer: queue.Queue = queue.Queue()

        def run():
            with httpx.stream("POST", f"{server.base_url}/sdapi/v1/txt2img", json=body, auth=auth, headers=headers,
                              timeout=60, trust_env=False) as response:
                self.job_id.put(response.headers.get("x-job-id"))
                self.answer.put((response.status_code, response.read()))

        self.thread = threading.Thread(target=run, daemon=True)
        self.thread.start()

    def id(self) -> str:
        return self.job_id.get(timeout=30)

    def result(self) -> tuple[int, dict]:
        status, body = self.answer.get(timeout=30)
        return status, json.loads(body)


def test_a_pending_job_never_generates_the_next_one_moves_up_and_runs_and_its_client_gets_an_answer(tracker):
    server = _server(tracker)
    before = _generations(server)
    slow = _submit_async(server, payload("slow one", steps=15))
    wait_for_status(server.base_url, slow, {"Processing"}, auth=ALICE)
    waiting = SyncRequest(server, payload("never drawn", steps=4))
    doomed = waiting.id()
    behind = _submit_async(server, payload("queued behind", steps=4))
    assert _job(server, behind)["queue_position"] == 2

    response = _cancel(server, doomed)

    assert response.status_code == 200, response.text
    job = response.json()
    assert (job["id"], job["status"], job["error"], job["cancelled"]) == (doomed, "Failed", "cancelled", True)
    assert job["image_count"] == 0 and job["image_urls"] == []
    assert _job(server, behind)["queue_position"] == 1  # moved up at once
    assert _job(server, slow)["status"] == "Processing"  # the running job is not touched

    status, answer = waiting.result()  # its turn came: refused before generating, A1111's error shape
    assert status == 200  # the early headers left at admission; the body says what happened
    assert answer["job_id"] == doomed
    assert answer["error"] == "HTTPException" and "cancelled" in answer["detail"]

    assert wait_for_status(server.base_url, slow, {"Completed", "Failed"}, auth=ALICE)["status"] == "Completed"
    finished = wait_for_status(server.base_url, behind, {"Completed", "Failed"}, auth=ALICE)
    assert finished["status"] == "Completed" and finished["cancelled"] is False and len(finished["images"]) == 1
    assert _generations(server) == before + 2  # the slow one and the one behind, never the cancelled one
    assert _job(server, doomed)["status"] == "Failed" and _job(server, doomed)["cancelled"] is True
    server.assert_no_tracker_errors()


def test_a_running_job_is_interrupted_keeps_its_images_and_the_job_after_it_is_untouched(tracker):
    server = _server(tracker)
    running = _submit_async(server, payload("three batches", steps=5, n_iter=3))
    after = _submit_async(server, payload("runs after", steps=4, n_iter=2))
    # Into the second of three batches: one batch of images is made.
    _wait_until(lambda: (_job(server, running)["progress"] or 0) >= 0.4, "the first batch finished")

    response = _cancel(server, running)

    assert response.status_code == 202, response.text
    assert response.headers["location"] == f"/sdapi/v1/job/{running}"
    assert response.json()["status"] == "Processing"
    job = wait_for_status(server.base_url, running, {"Completed", "Failed"}, auth=ALICE)
    assert (job["status"], job["error"], job["cancelled"]) == ("Failed", "cancelled", True)
    assert 1 <= job["image_count"] < 3 and len(job["images"]) == job["image_count"]
    for url in job["image_urls"]:
        image = httpx.get(server.base_url + url, auth=ALICE, timeout=30, trust_env=False)
        assert image.status_code == 200 and image.content.startswith(b"\x89PNG")

    # The interrupt was for that job alone: the next one makes all its images.
    following = wait_for_status(server.base_url, after, {"Completed", "Failed"}, auth=ALICE)
    assert following["status"] == "Completed", following["error"]
    assert following["cancelled"] is False and len(following["images"]) == 2

    again = _cancel(server, running)
    assert again.status_code == 409
    assert again.json() == {"error": "Conflict", "detail": f"Job {running} has already ended",
                            "status": "Failed", "cancelled": True}
    server.assert_no_tracker_errors()


def test_an_ended_job_is_409_with_its_status_and_stays_as_it_was(tracker):
    server = _server(tracker)
    done = _submit_async(server, payload("done", steps=2))
    wait_for_status(server.base_url, done, {"Completed"}, auth=ALICE)

    response = _cancel(server, done)

    assert response.status_code == 409
    assert response.json()["status"] == "Completed" and response.json()["cancelled"] is False
    job = _job(server, done)
    assert (job["status"], job["error"], job["cancelled"], job["image_count"]) == ("Completed", None, False, 1)


def test_only_the_owner_may_cancel_and_credentials_are_required(tracker):
    server = _server(tracker)
    slow = _submit_async(server, payload("alice's", steps=10))
    pending = _submit_async(server, payload("alice's too", steps=2))

    assert _cancel(server, pending, auth=BOB).status_code == 404
    assert _cancel(server, pending, auth=BOB).json() == {"error": "NotFound", "detail": f"Job {pending} not found"}
    assert _cancel(server, "ZZZZZZZZ").status_code == 404
    assert _cancel(server, "../../etc").status_code == 404
    unauthenticated = _cancel(server, pending, auth=None)
    assert unauthenticated.status_code == 401 and unauthenticated.headers["www-authenticate"] == "Basic"
    assert _cancel(server, pending, auth=("alice", "wrong")).status_code == 401

    # None of them touched the job: it runs after the slow one.
    assert wait_for_status(server.base_url, pending, {"Completed", "Failed"}, auth=ALICE)["status"] == "Completed"
    assert wait_for_status(server.base_url, slow, {"Completed", "Failed"}, auth=ALICE)["status"] == "Completed"


def test_the_tabs_cancel_button_shows_for_unfinished_jobs_and_cancels(tracker):
    from support.gradio_client import GradioStandin

    server = tracker("--api-auth", USERS, "--standin-step-seconds", str(STEP_SECONDS), nowebui=False)
    before = _generations(server)
    slow = _submit_async(server, payload("slow one", steps=40))  # 8 s unless cancelled
    pending = _submit_async(server, payload("cancelled from the tab", steps=4), auth=BOB)
    wait_for_status(server.base_url, slow, {"Processing"}, auth=ALICE)
    with GradioStandin(server.base_url) as ui:
        ui.load()
        opened = ui.run("jt_job_id", "submit", [pending, None])
        assert opened["error"] is None, opened
        assert opened["outputs"][1] == "Pending"
        assert opened["outputs"][7] == {"__type__": "update", "visible": True}  # the Cancel button

        cancelled = ui.run("jt_cancel", "click", [pending])

        assert cancelled["error"] is None, cancelled
        job_id, status, images, _, _, _, error, button = cancelled["outputs"]
        assert (job_id, status, images) == (pending, "Failed", [])
        assert error == {"__type__": "update", "value": "cancelled", "visible": True}
        assert button == {"__type__": "update", "visible": False}
        again = ui.run("jt_cancel", "click", [pending])
        assert again["outputs"][6] == {"__type__": "update", "value": f"Job {pending} has already ended", "visible": True}

        interrupted = ui.run("jt_cancel", "click", [slow])
        assert interrupted["outputs"][1] == "Processing"
        assert interrupted["outputs"][6] == {"__type__": "update", "value": INTERRUPT_SENT, "visible": True}
        assert interrupted["outputs"][7] == {"__type__": "update", "visible": True}
        assert ui.config()["portability_warnings"] == [] and ui.config()["value_errors"] == []

    job = wait_for_status(server.base_url, slow, {"Completed", "Failed"}, auth=ALICE)
    assert (job["status"], job["cancelled"]) == ("Failed", True)
    assert _generations(server) == before + 1  # the slow one; the cancelled pending one never ran
    job = get_job(server.base_url, pending, auth=BOB).json()
    assert (job["status"], job["cancelled"]) == ("Failed", True)


@pytest.mark.parametrize("flavour, body_of", [
    ("a1111", lambda detail: {"error": "HTTPException", "detail": detail, "body": "", "errors": ""}),
    ("forge", lambda detail: {"detail": detail}),  # Forge installs no error middleware: FastAPI's own answer
])
def test_a_browsers_request_for_a_cancelled_pending_job_gets_the_webuis_409(tracker, flavour, body_of):
    server = tracker("--api-auth", USERS, "--standin-step-seconds", str(STEP_SECONDS), "--standin-flavour", flavour)
    slow = _submit_async(server, payload("slow one", steps=10))
    # With an Origin header the answer comes whole (A1111's CORS headers apply): no early X-Job-ID.
    browser = SyncRequest(server, payload("from a browser", steps=4), headers={"Origin": "http://127.0.0.1:1"})
    _wait_until(lambda: len(_pending(server)) == 1, "the browser's job is queued")
    doomed = _pending(server)[0]

    assert _cancel(server, doomed).status_code == 200

    status, answer = browser.result()
    assert status == 409
    assert answer == {"job_id": doomed, **body_of(f"job {doomed} was cancelled before it started")}
    assert wait_for_status(server.base_url, slow, {"Completed", "Failed"}, auth=ALICE)["status"] == "Completed"


def _pending(server) -> list[str]:
    response = httpx.get(f"{server.base_url}/sdapi/v1/jobs", params={"status": "pending"}, auth=ALICE, timeout=30,
                         trust_env=False)
    return [job["id"] for job in response.json()]
