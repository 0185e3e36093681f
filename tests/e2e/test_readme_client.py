"""The README's recovering client is this repository's tests/e2e/recovering_client.py, and it works."""
import urllib.error
import urllib.request

from api_client import decoded, get_job, payload
from readme_blocks import first_python_block
from repo import REPO

import recovering_client

CLIENT_FILE = REPO / "tests" / "e2e" / "recovering_client.py"
SECTION = "### A client that survives dropped connections"


def test_the_readme_shows_exactly_the_tested_client():
    block = first_python_block(SECTION)
    assert block is not None
    assert block == CLIENT_FILE.read_text(encoding="utf-8")


def test_the_client_submits_async_polls_and_downloads_the_images(tracker, monkeypatch):
    for variable in ("http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(variable, raising=False)
    server = tracker("--standin-step-seconds", "0.1")
    job, images = recovering_client.generate(server.base_url, payload("a lighthouse at dusk", steps=12, batch_size=2),
                                              give_up_after=120)

    assert job["status"] == "Completed", job["error"]
    assert len(images) == 2
    stored = get_job(server.base_url, job["id"]).json()
    assert images == decoded(stored["images"])
    assert server.get("/standin/generations").json()["count"] == 1
    server.assert_no_tracker_errors()


def test_the_client_follows_the_event_stream_to_the_completed_job(tracker, monkeypatch):
    for variable in ("http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(variable, raising=False)
    server = tracker("--standin-step-seconds", "0.1")
    seen = []
    job, images = recovering_client.generate(server.base_url, payload("a lighthouse at dusk", steps=12, batch_size=2),
                                             on_event=lambda name, event: seen.append((name, event)))

    assert job["status"] == "Completed", job["error"]
    assert decoded(get_job(server.base_url, job["id"]).json()["images"]) == images and len(images) == 2
    progress = [event["progress"] for name, event in seen if name == "progress"]
    assert len(progress) >= 2 and progress == sorted(progress)
    assert server.get("/standin/generations").json()["count"] == 1
    server.assert_no_tracker_errors()


class _CutAfterTwoEvents:
    """The first event stream's connection drops after two events (a proxy cutting it); the rest are untouched."""

    def __init__(self, urlopen):
        self._urlopen = urlopen
        self.cut = 0
        self.resumed_from = []

    def __call__(self, request, *args, **kwargs):
        response = self._urlopen(request, *args, **kwargs)
        if not request.full_url.endswith("/events"):
            return response
        self.resumed_from.append(request.get_header("Last-event-id"))
        if self.cut:
            return response
        self.cut += 1
        return _Dropping(response)


class _Dropping:
    def __init__(self, response):
        self._response = response

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._response.close()

    def __iter__(self):
        blank_lines = 0
        for line in self._response:
            yield line
            blank_lines += line == b"\n"
            if blank_lines == 3:  # the retry line's block, then two events
                raise ConnectionResetError("the connection dropped")


def test_the_client_resumes_a_dropped_stream_without_repeating_an_event(tracker, monkeypatch):
    for variable in ("http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(variable, raising=False)
    server = tracker("--standin-step-seconds", "0.1")
    cutter = _CutAfterTwoEvents(urllib.request.urlopen)
    monkeypatch.setattr(urllib.request, "urlopen", cutter)
    seen = []
    job, _ = recovering_client.generate(server.base_url, payload("dropped", steps=20),
                                        on_event=lambda name, event: seen.append((name, event)))

    assert job["status"] == "Completed"
    assert cutter.cut == 1 and cutter.resumed_from[0] is None and cutter.resumed_from[1] is not None
    progress = [event["progress"] for name, event in seen if name == "progress"]
    assert progress == sorted(progress) and len(set(progress)) == len(progress), progress


def test_without_the_stream_the_client_falls_back_to_polling(tracker, monkeypatch):
    for variable in ("http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(variable, raising=False)
    server = tracker("--standin-step-seconds", "0.05")
    urlopen = urllib.request.urlopen

    def no_events_route(request, *args, **kwargs):  # a WebUI whose tracker predates the route: 404
        if request.full_url.endswith("/events"):
            raise urllib.error.HTTPError(request.full_url, 404, "Not Found", {}, None)
        return urlopen(request, *args, **kwargs)

    monkeypatch.setattr(urllib.request, "urlopen", no_events_route)
    seen = []
    job, images = recovering_client.generate(server.base_url, payload(steps=6), on_event=lambda *event: seen.append(event))
    assert job["status"] == "Completed" and len(images) == 1
    assert seen == []
