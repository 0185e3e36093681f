"""Which requests the middleware answers as the tracker's own GET routes."""
import pytest

from sd_job_tracker.job_routes import IMAGE, JOB, JOBS, match


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
