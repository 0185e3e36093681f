"""GET /sdapi/v1/job/{id}/events: a job's server-sent events, live, one by one, behind the same gate as every job route."""
import time

import httpx
import pytest

from api_client import get_job, payload, wait_for_status
from sse import events, open_stream

STEP_SECONDS = 0.1
FORGE = ("--standin-flavour", "forge")
ORIGIN = "http://localhost:7860"


def _submit(base_url, body, **kwargs):
    response = httpx.post(f"{base_url}/sdapi/v1/txt2img", json=body, timeout=30, trust_env=False,
                          headers={"Prefer": "respond-async", **kwargs.pop("headers", {})}, **kwargs)
    assert response.status_code == 202, response.text
    return response.headers["x-job-id"]


def _running_streams(server) -> int:
    return server.get("/standin/event-streams").json()["running"]


def _wait_for_running_streams(server, wanted: int, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while _running_streams(server) != wanted:
        assert time.monotonic() < deadline, f"{_running_streams(server)} event streams running, not {wanted}"
        time.sleep(0.05)


def test_a_queued_job_streams_its_position_rising_progress_then_the_completed_job(tracker):
    server = tracker("--standin-step-seconds", str(STEP_SECONDS))
    ahead = _submit(server.base_url, payload("ahead", steps=20))
    job_id = _submit(server.base_url, payload("followed", steps=12, batch_size=2))

    seen = []
    with open_stream(server.base_url, job_id) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        assert response.headers["cache-control"] == "no-cache"
        assert "content-encoding" not in response.headers  # httpx asked for gzip: nothing held the events back
        for event in events(response):
            if event.name == "progress" and len([e for e in seen if e.name == "progress"]) == 1:
                # The events arrive while it happens, not in one lump at the end.
                assert get_job(server.base_url, job_id, params={"images": "false"}).json()["status"] == "Processing"
            seen.append(event)

    names = [event.name for event in seen]
    queued = [event for event in seen if event.name == "queued"]
    running = [event for event in seen if event.name == "progress"]
    assert names == ["queued"] * len(queued) + ["progress"] * len(running) + ["completed"], names
    positions = [event.json["queue_position"] for event in queued]  # 2 if ahead had not started yet
    assert positions[-1] == 1 and positions == sorted(positions, reverse=True) and len(set(positions)) == len(positions)
    assert [event.id for event in queued] == [f"q{position}" for position in positions]
    assert len(running) >= 2, names
    progress = [event.json["progress"] for event in running]
    assert progress == sorted(progress) and len(set(progress)) == len(progress)
    steps = [event.json["step"] for event in running if event.json["step"] is not None]
    assert steps == sorted(steps) and steps[-1] <= 12
    assert all(event.json["steps"] == 12 for event in running if event.json["step"] is not None)
    final = seen[-1].json
    assert seen[-1].id == "f"
    assert final == get_job(server.base_url, job_id, params={"images": "false"}).json()
    assert final["status"] == "Completed" and len(final["image_urls"]) == 2 and "images" not in final
    assert get_job(server.base_url, ahead).json()["status"] == "Completed"
    _wait_for_running_streams(server, 0)
    server.assert_no_tracker_errors()


def test_a_finished_jobs_stream_sends_the_final_event_at_once_and_ends(tracker):
    server = tracker()
    job_id = _submit(server.base_url, payload())
    wait_for_status(server.base_url, job_id, {"Completed"})
    with open_stream(server.base_url, job_id) as response:
        seen = list(events(response))
    assert [(event.name, event.id) for event in seen] == [("completed", "f")]
    assert seen[0].json == get_job(server.base_url, job_id, params={"images": "false"}).json()

    # The client had the final event: 204 tells an EventSource to stop reconnecting.
    again = server.get(f"/sdapi/v1/job/{job_id}/events", headers={"Last-Event-ID": "f"})
    assert again.status_code == 204 and again.content == b""


def test_last_event_id_resumes_without_repeating(tracker):
    server = tracker("--standin-step-seconds", str(STEP_SECONDS))
    job_id = _submit(server.base_url, payload("resumed", steps=20))
    with open_stream(server.base_url, job_id) as response:
        for first in events(response):
            if first.name == "progress":
                break
    with open_stream(server.base_url, job_id, headers={"Last-Event-ID": first.id}) as response:
        rest = list(events(response))
    assert rest[-1].name == "completed"
    assert all(event.name != "queued" for event in rest)
    resumed_progress = [event.json["progress"] for event in rest if event.name == "progress"]
    assert all(value > first.json["progress"] for value in resumed_progress), (first, resumed_progress)
    assert first.id not in [event.id for event in rest]
    server.assert_no_tracker_errors()


@pytest.mark.parametrize("headers", [{}, {"Origin": ORIGIN}], ids=["direct", "browser"])
def test_closing_the_client_stops_the_servers_stream(tracker, headers):
    server = tracker("--standin-step-seconds", "0.5")
    job_id = _submit(server.base_url, payload("long", steps=40))
    assert _running_streams(server) == 0
    with open_stream(server.base_url, job_id, headers=headers) as response:
        following = events(response)  # held: a dropped generator would close the connection itself
        next(following)
        assert _running_streams(server) == 1
    _wait_for_running_streams(server, 0)  # the job still runs, the stream for the gone client does not
    assert get_job(server.base_url, job_id).json()["status"] in ("Pending", "Processing")
    server.assert_no_tracker_errors()


def test_under_api_auth_another_users_job_is_404_and_no_credentials_401(tracker):
    server = tracker("--api-auth", "alice:s3cret,bob:hunter2")
    job_id = _submit(server.base_url, payload(), auth=("alice", "s3cret"))
    wait_for_status(server.base_url, job_id, {"Completed"}, auth=("alice", "s3cret"))
    url = f"/sdapi/v1/job/{job_id}/events"

    anonymous = server.get(url)
    assert anonymous.status_code == 401 and anonymous.headers["www-authenticate"] == "Basic"
    assert server.get(url, auth=("alice", "wrong")).status_code == 401
    others = server.get(url, auth=("bob", "hunter2"))
    assert others.status_code == 404 and others.json()["error"] == "NotFound"
    assert server.get(url, headers={"Origin": ORIGIN}, auth=("bob", "hunter2")).status_code == 404
    with open_stream(server.base_url, job_id, auth=("alice", "s3cret")) as response:
        assert [event.name for event in events(response)] == ["completed"]


@pytest.mark.parametrize("flavour, origin", [((), True), (FORGE, False), (FORGE, True)],
                         ids=["a1111-browser", "forge", "forge-browser"])
def test_events_arrive_one_by_one_through_gzip(tracker, flavour, origin):
    server = tracker("--standin-step-seconds", str(STEP_SECONDS), *flavour)
    job_id = _submit(server.base_url, payload("one by one", steps=20))
    headers = {"Accept-Encoding": "gzip", **({"Origin": ORIGIN} if origin else {})}
    names = []
    with open_stream(server.base_url, job_id, headers=headers) as response:
        assert "content-encoding" not in response.headers
        for event in events(response):
            if event.name == "progress" and "progress" not in names:
                assert get_job(server.base_url, job_id).json()["status"] == "Processing"
            names.append(event.name)
    assert names[-1] == "completed" and names.count("progress") >= 2, names
    _wait_for_running_streams(server, 0)
    server.assert_no_tracker_errors()


def test_the_route_is_listed_in_docs(tracker):
    server = tracker()
    schema = server.get("/openapi.json").json()
    route = schema["paths"]["/sdapi/v1/job/{job_id}/events"]["get"]
    assert "Job Tracker" in route["tags"]
    assert "text/event-stream" in route["responses"]["200"]["content"]
