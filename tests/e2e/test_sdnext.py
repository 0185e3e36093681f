"""On SD.Next the job routes demand SD.Next's own credentials (--auth, --auth-file), X-Job-ID comes with
the answer (its API reports no admission), and Prefer: respond-async never gets a 202 after the generation.
Where a WebUI guards its API in a way the tracker does not know, the job routes refuse (503), never open."""
from api_client import payload, txt2img, wait_for_status

SDNEXT = ("--standin-flavour", "sdnext")
USER, PASSWORD = "alice", "s3cret:with colon"


def test_sdnext_auth_protects_the_job_routes(tracker, tmp_path):
    auth_file = tmp_path / "users.txt"
    auth_file.write_text(f'"bob": "hunter2"\n', encoding="utf8")
    server = tracker(*SDNEXT, "--auth", f"{USER}:{PASSWORD}", "--auth-file", str(auth_file))

    response = txt2img(server.base_url, payload("behind SD.Next's login"), auth=(USER, PASSWORD))
    assert response.status_code == 200, response.text
    job_id = response.headers["x-job-id"]
    assert response.json()["job_id"] == job_id

    for path in (f"/sdapi/v1/job/{job_id}", "/sdapi/v1/jobs", f"/sdapi/v1/job/{job_id}/images/0"):
        assert server.get(path).status_code == 401, path
        assert server.get(path, auth=(USER, "wrong")).status_code == 401, path
        assert server.get(path, auth=(USER, PASSWORD)).status_code == 200, path
        assert server.get(path, auth=("bob", "hunter2")).status_code != 401, path  # the --auth-file user
    assert server.get("/sdapi/v1/jobs", auth=("bob", "hunter2")).status_code == 200
    server.assert_no_tracker_errors()


def test_sdnext_prefer_respond_async_gets_the_result_not_a_late_202(tracker):
    server = tracker(*SDNEXT, "--standin-step-seconds", "0.05")
    response = txt2img(server.base_url, payload("async on SD.Next"), headers={"Prefer": "respond-async"})

    assert response.status_code == 200, response.text
    job_id = response.headers["x-job-id"]
    assert len(response.json()["images"]) == 1
    assert wait_for_status(server.base_url, job_id, {"Completed"})["id"] == job_id
    assert "X-Job-ID comes with the answer" in server.log_text()


def test_an_api_guard_the_tracker_does_not_know_locks_the_job_routes(tracker):
    server = tracker("--standin-api-guard", "k3y")
    for path in ("/sdapi/v1/jobs", "/sdapi/v1/job/abcdefgh", "/sdapi/v1/job/abcdefgh/images/0",
                 "/sdapi/v1/job/abcdefgh/events"):
        response = server.get(path)
        assert response.status_code == 503, path
        assert response.json()["error"] == "TrackerLocked"
    generated = txt2img(server.base_url, payload("guarded"), headers={"X-API-Key": "k3y"})
    assert generated.status_code == 200 and "x-job-id" not in generated.headers  # not tracked: nothing to read back
    assert server.log_text().count("[Job Tracker] job routes refuse every request") == 1
