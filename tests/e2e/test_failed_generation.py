"""A generation that raises: the client gets A1111's error, the job is Failed with it."""
from api_client import payload, txt2img, wait_for_status

FAILING_PROMPT = "STANDIN_RAISE please"
MESSAGE = "standin: generation failed on purpose"


def test_failure_reaches_client_and_job(tracker):
    server = tracker()
    response = txt2img(server.base_url, payload(FAILING_PROMPT))

    body = response.json()
    assert body["error"] == "RuntimeError"
    assert body["errors"] == MESSAGE
    job_id = response.headers["x-job-id"]
    assert body["job_id"] == job_id

    job = wait_for_status(server.base_url, job_id, {"Failed"})
    assert job["error"] == MESSAGE
    assert job["images"] == []
