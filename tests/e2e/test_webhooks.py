"""Signed webhooks when a job ends: delivered to a test receiver on 127.0.0.1, verified with the README's code,
retried after a 500 and after a restart, refused (400, nothing generated) for a target outside the allow-list."""
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from api_client import get_job, payload
from readme_blocks import first_python_block
from repo import REPO
from support.standin_server import free_port
from webhook_verification import verify_webhook

SECRET = "whsec_" + "QWxsIHdvcmsgYW5kIG5vIHBsYXkgbWFrZXMgSmFjayBhIGR1bGwgYm95Lg=="
USERS = "alice:s3cret,bob:hunter2"
ALICE = ("alice", "s3cret")
BOB = ("bob", "hunter2")
SECTION = "### Verifying a webhook"
VERIFIER_FILE = REPO / "tests" / "e2e" / "webhook_verification.py"


class Receiver:
    """An HTTP server on 127.0.0.1 in a thread: records each POST and answers from a script (then 200)."""

    def __init__(self, port: int = 0, answers=(), hold: threading.Event | None = None):
        self.requests: list[tuple[dict, bytes]] = []
        self.answers = list(answers)
        self.hold = hold
        self.changed = threading.Condition()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("content-length", "0")))
                with receiver.changed:
                    receiver.requests.append(({k.lower(): v for k, v in self.headers.items()}, body))
                    status = receiver.answers.pop(0) if receiver.answers else 200
                    receiver.changed.notify_all()
                if receiver.hold is not None:
                    receiver.hold.wait(timeout=60)  # a receiver that hangs until the test lets it answer
                self.send_response(status)
                self.send_header("content-length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/job-ended"

    def wait_for(self, count: int, timeout: float = 30.0) -> list[tuple[dict, bytes]]:
        with self.changed:
            assert self.changed.wait_for(lambda: len(self.requests) >= count, timeout), \
                f"the receiver got {len(self.requests)} request(s), not {count}"
            return list(self.requests)

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receivers():
    started = []

    def start(**kwargs) -> Receiver:
        receiver = Receiver(**kwargs)
        started.append(receiver)
        return receiver

    yield start
    for receiver in started:
        receiver.close()


def webhook_env(**extra) -> dict:
    return {"TRACKER_WEBHOOK_ALLOW": "127.0.0.1", "TRACKER_WEBHOOK_SECRET": SECRET, **extra}


def submit(server, url: str, auth=ALICE, **overrides) -> httpx.Response:
    return httpx.post(f"{server.base_url}/sdapi/v1/txt2img", json=payload("a lighthouse at dusk", **overrides),
                      headers={"X-Webhook-URL": url}, auth=auth, timeout=60, trust_env=False)


def wait_for_webhook(server, job_id: str, done, timeout: float = 30.0) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        job = get_job(server.base_url, job_id, params={"images": "false"}, auth=ALICE).json()
        if "webhook" in job and done(job["webhook"]):
            return job["webhook"]
        assert time.monotonic() < deadline, f"the webhook never got there: {job.get('webhook')}"
        time.sleep(0.1)


def generations(server) -> int:
    return server.get("/standin/generations").json()["count"]


def test_the_readme_shows_exactly_the_tested_verifier():
    block = first_python_block(SECTION)
    assert block is not None
    assert block == VERIFIER_FILE.read_text(encoding="utf-8")


def test_a_job_with_a_webhook_posts_the_signed_job_object_when_it_ends(tracker, receivers):
    receiver = receivers()
    server = tracker("--api-auth", USERS, env=webhook_env())
    response = submit(server, receiver.url, batch_size=2)
    assert response.status_code == 200
    job_id = response.headers["x-job-id"]

    [(headers, body)] = receiver.wait_for(1)
    assert verify_webhook(SECRET, headers, body)
    assert not verify_webhook(SECRET, headers, body.replace(b"Completed", b"Failed"))
    assert not verify_webhook(SECRET, {**headers, "webhook-id": "msg_other"}, body)
    assert headers["webhook-id"] == f"msg_{job_id}"
    assert headers["content-type"] == "application/json"
    sent = json.loads(body)
    assert sent["id"] == job_id and sent["status"] == "Completed"
    assert "images" not in sent
    assert sent["image_urls"] == [f"/sdapi/v1/job/{job_id}/images/0", f"/sdapi/v1/job/{job_id}/images/1"]

    webhook = wait_for_webhook(server, job_id, lambda w: w["delivered"])
    assert webhook == {"url": receiver.url, "attempts": 1, "last_status": 200, "last_error": None,
                       "delivered": True, "next_attempt": None}
    # The delivered body is GET ?images=false without the webhook's own state.
    shown = get_job(server.base_url, job_id, params={"images": "false"}, auth=ALICE).json()
    del shown["webhook"]
    assert shown == sent

    # Isolation: only those who may read the job see its webhook.
    assert get_job(server.base_url, job_id, auth=BOB).status_code == 404
    assert get_job(server.base_url, job_id).status_code == 401
    server.assert_no_tracker_errors()


def test_a_receiver_that_answers_500_gets_it_again(tracker, receivers):
    receiver = receivers(answers=[500])
    server = tracker("--api-auth", USERS, env=webhook_env(TRACKER_WEBHOOK_RETRY_SECONDS="1"))
    job_id = submit(server, receiver.url).headers["x-job-id"]

    (first_headers, first_body), (second_headers, second_body) = receiver.wait_for(2)
    assert first_headers["webhook-id"] == second_headers["webhook-id"] == f"msg_{job_id}"
    assert first_body == second_body
    assert verify_webhook(SECRET, second_headers, second_body)
    webhook = wait_for_webhook(server, job_id, lambda w: w["delivered"])
    assert (webhook["attempts"], webhook["last_status"]) == (2, 200)


def test_a_delivery_missed_while_the_receiver_was_down_is_made_after_a_restart(tracker, receivers):
    port = free_port()
    url = f"http://127.0.0.1:{port}/job-ended"
    environment = webhook_env(TRACKER_WEBHOOK_RETRY_SECONDS="3600")
    server = tracker("--api-auth", USERS, env=environment)
    job_id = submit(server, url).headers["x-job-id"]
    missed = wait_for_webhook(server, job_id, lambda w: w["attempts"] == 1)
    assert missed["delivered"] is False and missed["last_status"] is None and missed["last_error"]
    assert missed["next_attempt"] is not None
    server.stop()

    receiver = receivers(port=port)
    restarted = tracker("--api-auth", USERS, env=environment, data_dir=server.data_dir)
    [(headers, body)] = receiver.wait_for(1)
    assert verify_webhook(SECRET, headers, body)
    assert json.loads(body)["id"] == job_id
    webhook = wait_for_webhook(restarted, job_id, lambda w: w["delivered"])
    assert webhook["attempts"] == 2
    assert "resuming 1 webhook delivery" in restarted.log_text()


def test_a_hanging_receiver_holds_back_neither_the_answer_nor_the_next_job(tracker, receivers):
    hold = threading.Event()
    receiver = receivers(hold=hold)
    server = tracker("--api-auth", USERS, env=webhook_env())
    try:
        first = submit(server, receiver.url)
        assert first.status_code == 200 and len(first.json()["images"]) == 1
        receiver.wait_for(1)  # the delivery is now stuck inside the receiver

        second = submit(server, receiver.url, seed=99)
        assert second.status_code == 200 and len(second.json()["images"]) == 1
        assert get_job(server.base_url, first.headers["x-job-id"], auth=ALICE).json()["webhook"]["attempts"] == 0
        assert not hold.is_set()
    finally:
        hold.set()
    wait_for_webhook(server, first.headers["x-job-id"], lambda w: w["delivered"])
    wait_for_webhook(server, second.headers["x-job-id"], lambda w: w["delivered"])


@pytest.mark.parametrize("url, reason", [
    ("http://10.0.0.1/job-ended", "not one this server may send webhooks to"),
    ("http://169.254.169.254/latest/meta-data", "not one this server may send webhooks to"),
    ("http://me:pw@127.0.0.1:9/job-ended", "credentials"),
    ("file:///etc/passwd", "http or https"),
    ("not a url", "not an absolute URL"),
])
def test_a_url_outside_the_allow_list_is_400_and_nothing_is_generated(tracker, url, reason):
    server = tracker("--api-auth", USERS, env=webhook_env())
    response = submit(server, url)
    assert response.status_code == 400
    assert response.json()["error"] == "BadRequest"
    assert reason in response.json()["detail"]
    assert "x-job-id" not in response.headers

    # Without credentials A1111's own 401 comes first, and tells nothing about webhooks.
    anonymous = submit(server, url, auth=None)
    assert anonymous.status_code == 401
    assert generations(server) == 0
    assert httpx.get(f"{server.base_url}/sdapi/v1/jobs", auth=ALICE, trust_env=False).json() == []


def test_without_a_secret_webhooks_are_off_and_asking_for_one_is_400(tracker, receivers):
    receiver = receivers()
    server = tracker("--api-auth", USERS, env={"TRACKER_WEBHOOK_ALLOW": "127.0.0.1"})
    response = submit(server, receiver.url)
    assert response.status_code == 400
    assert "sends no webhooks" in response.json()["detail"]
    assert generations(server) == 0
    assert "[Job Tracker] webhooks stay off" in server.log_text()
