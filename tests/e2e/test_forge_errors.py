"""On Forge a failed generation reaches the client in Forge's own error shape ("message", not A1111's
"errors"), with X-Job-ID, and the job is Failed with Forge's message, whether the failure comes after
the early header or beats it."""
import pytest

from api_client import payload, txt2img, wait_for_status

FORGE = ("--standin-flavour", "forge")
MESSAGE = "standin: generation failed on purpose"


@pytest.mark.parametrize("step_seconds", ["0.5", "0"], ids=["after-the-header", "beating-the-header"])
@pytest.mark.parametrize("nowebui", [True, False], ids=["nowebui", "ui"])
def test_a_failed_job_has_forges_error_shape_and_message(tracker, nowebui, step_seconds):
    server = tracker(*FORGE, "--standin-step-seconds", step_seconds, nowebui=nowebui)
    response = txt2img(server.base_url, payload("STANDIN_RAISE on forge"))

    job_id = response.headers["x-job-id"]
    body = response.json()
    assert body["error"] == "RuntimeError"
    assert body["message"] == MESSAGE and "errors" not in body
    assert body["job_id"] == job_id
    job = wait_for_status(server.base_url, job_id, {"Failed"})
    assert job["error"] == MESSAGE
