"""Which requests the middleware answers as the tracker's own GET routes."""
import asyncio

import pytest

from sd_job_tracker.http_reply import Reply
from sd_job_tracker.job_routes import IMAGE, JOB, JOBS, handed_over, match, prepared_or_answer
from sd_job_tracker.reply_encoding import MAXIMUM_SIZE


def scope(path: str, method: str = "GET", root_path: str = "") -> dict:
    return {"type": "http", "method": method, "path": path, "root_path": root_path, "headers": []}


@pytest.mark.parametrize("path, expected", [
    ("/sdapi/v1/jobs", (JOBS, {})),
    ("/sdapi/v1/job/AbCd1234", (JOB, {"job_id": "AbCd1234"})),
    ("/sdapi/v1/job/not-an-id!", (JOB, {"job_id": "not-an-id!"})),  # the core answers 400 for it
    ("/sdapi/v1/job/AbCd1234/images/0", (IMAGE, {"job_id": "AbCd1234", "index": "0"})),
])
def test_tracker_routes_match(path, expected):
    assert match(scope(path)) == expected


@pytest.mark.parametrize("path", [
    "/sdapi/v1/jobs/", "/sdapi/v1/job/", "/sdapi/v1/job/a/b", "/sdapi/v1/job/a/images/", "/sdapi/v1/txt2img",
    "/sdapi/v1/progress", "/sdapi/v1/job/a/images/0/x",
])
def test_other_paths_are_left_to_the_webui(path):
    assert match(scope(path)) is None


@pytest.mark.parametrize("method", ["POST", "HEAD", "DELETE", "OPTIONS"])
def test_only_get_is_answered(method):
    assert match(scope("/sdapi/v1/jobs", method)) is None


def test_websocket_scope_is_left_alone():
    assert match({"type": "websocket", "path": "/sdapi/v1/jobs", "headers": []}) is None


def test_subpath_prefix_is_removed():
    assert match(scope("/sd/sdapi/v1/job/AbCd1234", root_path="/sd")) == (JOB, {"job_id": "AbCd1234"})


def _browser_scope() -> dict:
    return {"type": "http", "method": "GET", "path": "/sdapi/v1/job/AbCd1234", "root_path": "",
            "headers": [(b"origin", b"http://example.test"), (b"accept-encoding", b"gzip, br")]}


def test_a_large_answer_handed_to_the_webui_accepts_no_encoding_so_its_gzip_leaves_it_alone():
    scope = _browser_scope()
    reply = Reply(200, [("Content-Type", "application/json")], b"[" + b" " * (MAXIMUM_SIZE + 10) + b"]")
    handed = handed_over(scope, reply)
    assert handed["headers"] == [(b"origin", b"http://example.test")]
    assert scope["headers"][1] == (b"accept-encoding", b"gzip, br"), "the caller's scope is left as it was"
    assert asyncio.run(prepared_or_answer(None, JOB, {}, handed)) is reply


def test_an_image_handed_to_the_webui_is_never_compressed_and_a_small_json_answer_is_gzipped_as_a1111_would():
    image = Reply(200, [("Content-Type", "image/png")], b"\x89PNG" + b"\0" * 5000)
    small = Reply(200, [("Content-Type", "application/json")], b"[" + b" " * 5000 + b"]")
    assert (b"accept-encoding", b"gzip, br") not in handed_over(_browser_scope(), image)["headers"]
    assert (b"accept-encoding", b"gzip, br") in handed_over(_browser_scope(), small)["headers"]
