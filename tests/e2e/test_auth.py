"""With --api-auth, the tracker's routes demand the same credentials as A1111's API."""
import pytest

from api_client import get_job, list_jobs, payload, txt2img

USERS = "alice:s3cret,bob:hunter2"


@pytest.fixture
def secured(tracker):
    return tracker("--api-auth", USERS)


def test_both_endpoints_refuse_missing_and_wrong_credentials(secured):
    job_id = txt2img(secured.base_url, payload(), auth=("alice", "s3cret")).headers["x-job-id"]
    for credentials in (None, ("alice", "wrong"), ("mallory", "s3cret")):
        job = get_job(secured.base_url, job_id, auth=credentials)
        jobs = list_jobs(secured.base_url, auth=credentials)
        for response in (job, jobs):
            assert response.status_code == 401
            assert response.headers["www-authenticate"] == "Basic"
            assert "detail" in response.json()


def test_both_endpoints_answer_the_right_credentials(secured):
    job_id = txt2img(secured.base_url, payload(), auth=("alice", "s3cret")).headers["x-job-id"]
    assert get_job(secured.base_url, job_id, auth=("alice", "s3cret")).status_code == 200
    assert list_jobs(secured.base_url, auth=("alice", "s3cret")).status_code == 200


def test_generation_itself_stays_behind_a1111s_auth(secured):
    response = txt2img(secured.base_url, payload())
    assert response.status_code == 401
    assert "x-job-id" not in response.headers
