"""Every tracker route sits behind --api-auth, and with several users each sees only their own jobs."""
import httpx
import pytest

from api_client import get_job, list_jobs, payload, txt2img
from security_routes import filled, is_about_one_job, tracker_paths

USERS = "alice:s3cret,bob:hunter2,carol:admin-pw"
ALICE, BOB, CAROL = ("alice", "s3cret"), ("bob", "hunter2"), ("carol", "admin-pw")


@pytest.fixture
def isolated(tracker):
    return tracker("--api-auth", USERS, env={"TRACKER_ADMIN_USERS": "carol"})


def _get(server, path, auth):
    return httpx.get(f"{server.base_url}{path}", auth=auth, timeout=30, trust_env=False)


def _job_of(server, auth, prompt="mine"):
    response = txt2img(server.base_url, payload(prompt), auth=auth)
    assert response.status_code == 200, response.text
    return response.headers["x-job-id"]


def test_the_schema_lists_every_tracker_route(isolated):
    paths = tracker_paths(isolated.base_url, auth=ALICE)
    assert {"/sdapi/v1/job/{job_id}", "/sdapi/v1/jobs"} <= set(paths)


def test_every_route_no_credentials_wrong_password_other_user_right_credentials(isolated):
    alices = _job_of(isolated, ALICE)
    for template in tracker_paths(isolated.base_url, auth=ALICE):
        path = filled(template, alices)
        for auth in (None, ("alice", "wrong"), ("mallory", "s3cret"), ("alice", "s3cret:")):
            refused = _get(isolated, path, auth)
            assert refused.status_code == 401, (path, auth, refused.text)
            assert refused.headers["www-authenticate"] == "Basic"
            assert "detail" in refused.json()
        if is_about_one_job(template):
            other = _get(isolated, path, BOB)
            unknown = _get(isolated, filled(template, "ZZZZZZZZ"), BOB)
            assert other.status_code == 404, (path, other.text)
            assert other.json() == {**unknown.json(), "detail": unknown.json()["detail"].replace("ZZZZZZZZ", alices)}
        assert _get(isolated, path, ALICE).status_code == 200, path


def test_lists_show_only_the_callers_jobs_and_admins_see_all(isolated):
    alices = {_job_of(isolated, ALICE, "alice 1"), _job_of(isolated, ALICE, "alice 2")}
    bobs = {_job_of(isolated, BOB, "bob 1")}
    assert {j["id"] for j in list_jobs(isolated.base_url, auth=ALICE).json()} == alices
    assert {j["id"] for j in list_jobs(isolated.base_url, auth=BOB).json()} == bobs
    assert {j["id"] for j in list_jobs(isolated.base_url, auth=CAROL).json()} == alices | bobs
    assert list_jobs(isolated.base_url, auth=BOB, ip="127.0.0.1", status="completed").json()[0]["id"] in bobs
    for job_id in alices | bobs:
        assert get_job(isolated.base_url, job_id, auth=CAROL).status_code == 200


def test_isolation_can_be_turned_off(tracker):
    server = tracker("--api-auth", USERS, env={"TRACKER_ISOLATION": "off"})
    alices = _job_of(server, ALICE)
    assert get_job(server.base_url, alices, auth=BOB).status_code == 200
    assert [j["id"] for j in list_jobs(server.base_url, auth=BOB).json()] == [alices]


def test_without_api_auth_every_route_is_open_like_a1111s_api(tracker):
    server = tracker()
    job_id = _job_of(server, None)
    for template in tracker_paths(server.base_url):
        assert _get(server, filled(template, job_id), None).status_code == 200, template
    server.assert_no_tracker_errors()
