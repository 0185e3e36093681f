"""The event stream's asyncio side: which requests it takes, and that it stops when the core or the client says so."""
import asyncio

import pytest

from sd_job_tracker import event_stream
from sd_job_tracker.http_reply import Reply


def scope(path: str, method: str = "GET", headers=()) -> dict:
    return {"type": "http", "method": method, "path": path, "root_path": "", "headers": list(headers),
            "client": ("127.0.0.1", 5000)}


def test_only_a_get_of_a_jobs_events_is_taken():
    assert event_stream.match(scope("/sdapi/v1/job/AbCd1234/events")) == "AbCd1234"
    assert event_stream.match(scope("/sdapi/v1/job/AbCd1234/events", "POST")) is None
    for path in ("/sdapi/v1/job/AbCd1234", "/sdapi/v1/job/AbCd1234/events/x", "/sdapi/v1/job//events"):
        assert event_stream.match(scope(path)) is None


class ScriptedStream:
    """The core's side of one stream: hands out `batches` in turn, then nothing."""

    def __init__(self, batches):
        self.batches = list(batches)
        self.calls = 0
        self.closed = False

    def next(self, live_state):
        self.calls += 1
        return self.batches.pop(0) if self.batches else (b"", False)

    def close(self):
        self.closed = True


class ScriptedCore:
    def __init__(self, stream, reply=Reply(200, [("Content-Type", "text/event-stream")])):
        self.stream, self.reply = stream, reply

    def open_events(self, job_id, client_ip, headers):
        return self.reply, self.stream


def run(core, receive, timeout=5.0):
    sent = []

    async def send(message):
        sent.append(message)

    async def main():
        await asyncio.wait_for(event_stream.serve(core, "AbCd1234", scope("/sdapi/v1/job/AbCd1234/events"), receive, send),
                               timeout)
    asyncio.run(main())
    return sent


async def never_disconnects():
    await asyncio.Event().wait()


def test_the_stream_ends_when_the_core_says_so():
    stream = ScriptedStream([(b"event: queued\n\n", False), (b"", False), (b"event: completed\n\n", True)])
    sent = run(ScriptedCore(stream), never_disconnects)
    assert sent[0]["type"] == "http.response.start" and sent[0]["status"] == 200
    assert all(name != b"content-length" for name, _ in sent[0]["headers"])
    assert [(m["body"], m["more_body"]) for m in sent[1:]] == [(b"event: queued\n\n", True), (b"event: completed\n\n", False)]
    assert stream.calls == 3 and stream.closed
    assert event_stream.running() == 0


def test_a_disconnect_stops_the_stream_and_closes_it():
    stream = ScriptedStream([])
    disconnected = asyncio.Event()
    received = []

    async def receive():
        if not received:
            received.append(1)
            return {"type": "http.request", "body": b"", "more_body": False}
        await disconnected.wait()
        return {"type": "http.disconnect"}

    async def main():
        sent = []

        async def send(message):
            sent.append(message)
        task = asyncio.ensure_future(event_stream.serve(ScriptedCore(stream), "AbCd1234",
                                                        scope("/sdapi/v1/job/AbCd1234/events"), receive, send))
        while stream.calls < 2:
            await asyncio.sleep(0.01)
        assert event_stream.running() == 1
        disconnected.set()
        await asyncio.wait_for(task, 5)
        return sent

    sent = asyncio.run(main())
    assert stream.closed and event_stream.running() == 0
    assert [m["type"] for m in sent] == ["http.response.start"]  # nothing was due; the end needs no body


@pytest.mark.parametrize("status", [401, 404, 204])
def test_a_refusal_is_sent_whole_and_no_stream_runs(status):
    reply = Reply(status, [("Content-Type", "application/json")], b'{"detail":"no"}' if status != 204 else b"")
    sent = run(ScriptedCore(None, reply), never_disconnects)
    assert sent[0]["status"] == status
    assert (b"content-length", str(len(reply.body)).encode()) in sent[0]["headers"]
    assert sent[1] == {"type": "http.response.body", "body": reply.body, "more_body": False}


def test_a_browser_request_goes_to_the_webui_without_accept_encoding():
    forwarded = []

    async def app(scope_, receive, send):
        forwarded.append(scope_)

    request = scope("/sdapi/v1/job/AbCd1234/events", headers=[(b"origin", b"http://x"), (b"accept-encoding", b"gzip"),
                                                              (b"authorization", b"Basic eA==")])
    asyncio.run(event_stream.answer(ScriptedCore(None), "AbCd1234", request, None, None, app))
    assert forwarded[0]["headers"] == [(b"origin", b"http://x"), (b"authorization", b"Basic eA==")]
