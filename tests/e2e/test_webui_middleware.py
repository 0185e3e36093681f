"""The tracker's middleware is outermost without building or rebuilding the WebUI's middleware stack:
A1111 extensions loaded after it can still add middleware, and Forge's dormant GZip and CORS stay dormant."""
import json
from pathlib import Path

import httpx
import pytest

from api_client import payload

LATE_EXTENSION = Path(__file__).parent / "extensions" / "late-middleware"
STAMP = "x-late-middleware"
SLOW_STEPS, STEP_SECONDS = 10, 0.2
FORGE = ("--standin-flavour", "forge")
ORIGIN = "http://localhost:7860"


def _early_job_id(server) -> str:
    """A slow tracked txt2img: its X-Job-ID must come with the headers, while the body is still to come."""
    with httpx.stream("POST", f"{server.base_url}/sdapi/v1/txt2img", json=payload(steps=SLOW_STEPS),
                      timeout=60, trust_env=False) as response:
        job_id = response.headers["x-job-id"]
        progress = server.get(f"/sdapi/v1/job/{job_id}?images=false").json()
        body = json.loads(response.read())
    assert progress["status"] in ("Queued", "Processing"), progress  # the header left before generation ended
    assert body["job_id"] == job_id
    return job_id


@pytest.mark.parametrize("nowebui", [True, False], ids=["nowebui", "ui"])
def test_an_extension_loaded_after_the_tracker_can_still_add_middleware(tracker, nowebui):
    server = tracker("--standin-step-seconds", str(STEP_SECONDS), nowebui=nowebui, more_extensions=[LATE_EXTENSION])

    log = server.log_text()
    assert "[late-middleware] added" in log
    assert "Cannot add middleware" not in log, log
    assert server.get("/sdapi/v1/samplers").headers.get(STAMP) == "1"
    _early_job_id(server)  # still outermost: the early header is ours
    server.assert_no_tracker_errors()


def _sse_reads(server) -> list[bytes]:
    """What each read of Forge's event stream brought, decoded, as a browser asks for it (gzip accepted)."""
    reads = []
    with httpx.stream("GET", f"{server.base_url}/standin/sse", headers={"Accept-Encoding": "gzip"},
                      timeout=30, trust_env=False) as response:
        assert response.status_code == 200
        encoding = response.headers.get("content-encoding")
        for chunk in response.iter_bytes():
            if chunk:
                reads.append(chunk)
    return encoding, reads


def test_forge_event_streams_reach_the_client_event_by_event(tracker):
    server = tracker(*FORGE, nowebui=False)
    encoding, reads = _sse_reads(server)

    assert encoding is None  # Forge's GZip never runs in its UI mode
    events = [read for read in reads if b"event: heartbeat" in read]
    assert len(events) == len(reads) == 4, reads  # one read per event: nothing held back until the end


def _preflight(server):
    response = httpx.options(f"{server.base_url}/sdapi/v1/txt2img", trust_env=False, timeout=30, headers={
        "Origin": ORIGIN, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"})
    return response.status_code, {k: v for k, v in response.headers.items() if k.startswith("access-control-")}


def test_forge_preflights_answer_as_without_the_extension(tracker):
    without = _preflight(tracker(*FORGE, nowebui=False, extension=False))
    with_tracker = _preflight(tracker(*FORGE, nowebui=False))

    assert with_tracker == without
    assert without[0] == 200  # gradio's own CORS answers, not Forge's dormant one


def test_forge_ui_mode_tracks_with_the_early_header(tracker):
    server = tracker(*FORGE, "--standin-step-seconds", str(STEP_SECONDS), nowebui=False)
    _early_job_id(server)
    server.assert_no_tracker_errors()
