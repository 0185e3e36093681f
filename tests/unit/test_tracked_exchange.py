"""The shim's side of a tracked request: it reports events and sends exactly what each step says, in the order the
core decided them. The core is replaced by a scripted exchange (the real one is tested in NUnit and end to end)."""
import asyncio
import threading

import pytest

from sd_job_tracker import admissions
from sd_job_tracker.exchange_step import NOTHING, PASS_THROUGH, Action, Step, asgi_headers, carry_out
from sd_job_tracker.tracked_exchange import TrackedExchange

HEAD = Step(Action.SEND_HEAD, 200, ((b"content-type", b"application/json"), (b"x-job-id", b"AbCd1234")))
LAST = Step(Action.SEND_BODY, body=b'{"job_id":"AbCd1234"}')


class ScriptedExchange:
    """Returns scripted steps and records every report, by name."""

    def __init__(self, **steps):
        self.steps = steps
        self.reports = []

    def __getattr__(self, name):
        def report(*args):
            self.reports.append(name)
            return self.steps.get(name, NOTHING)
        return report


class DirectCore:
    """The guard of core.TrackerCore, without .NET: steps are already Python Steps."""

    @staticmethod
    def call(what, fallback, call):
        return call()

    def step(self, what, method, *args):
        return method(*args)

    @staticmethod
    def live_state(progress):
        return progress


def run(app, exchange):
    sent = []

    async def send(message):
        sent.append(message)

    async def receive():
        await asyncio.Event().wait()  # the client never leaves

    async def main():
        driver = TrackedExchange(app, DirectCore(), exchange, "AbCd1234")
        await driver.run({"type": "http", "headers": []}, b"{}", receive, send)

    asyncio.run(asyncio.wait_for(main(), timeout=10))
    return sent


def test_steps_become_asgi_messages():
    sent = []

    async def send(message):
        sent.append(message)

    async def main():
        for step in (HEAD, LAST, Step(Action.SEND_WHOLE, 202, ((b"content-length", b"2"),), b"{}"),
                     Step(Action.SEND_KEEP_ALIVE, body=b" ", more=True), NOTHING, PASS_THROUGH):
            await carry_out(send, step)

    asyncio.run(main())
    assert [(m["type"], m.get("status"), m.get("body"), m.get("more_body")) for m in sent] == [
        ("http.response.start", 200, None, None),
        ("http.response.body", None, b'{"job_id":"AbCd1234"}', False),
        ("http.response.start", 202, None, None),
        ("http.response.body", None, b"{}", False),
        ("http.response.body", None, b" ", True),
    ]


def test_header_pairs_cross_as_latin1_bytes_with_lower_case_names():
    assert asgi_headers(["Content-Type", "application/json", "X-Note", "caf\xe9"]) == (
        (b"content-type", b"application/json"), (b"x-note", b"caf\xe9"))


def test_the_head_decided_at_admission_leaves_before_the_body_and_the_end_is_reported_once():
    exchange = ScriptedExchange(Admitted=HEAD, AppBody=LAST)

    async def app(scope, receive, send):
        driver = admissions.find("AbCd1234")
        worker = threading.Thread(target=driver.queued)  # A1111's worker thread queues the task
        worker.start()
        worker.join()
        await asyncio.sleep(0.01)  # the loop runs the admission
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"{}", "more_body": False})

    sent = run(app, exchange)
    assert [m["type"] for m in sent] == ["http.response.start", "http.response.body"]
    assert sent[0]["headers"] == list(HEAD.headers) and sent[1]["body"] == LAST.body
    assert exchange.reports == ["Queued", "Admitted", "AppHead", "AppBody", "End"]
    assert admissions.find("AbCd1234") is None


@pytest.mark.parametrize("raised, reraised", [(PASS_THROUGH, True), (LAST, False)])
def test_an_exception_is_reraised_only_when_the_core_says_so(raised, reraised):
    exchange = ScriptedExchange(Raised=raised)

    async def app(scope, receive, send):
        raise RuntimeError("boom")

    if reraised:
        with pytest.raises(RuntimeError):
            run(app, exchange)
        assert exchange.reports == ["Raised", "End"]
    else:
        assert [m.get("body") for m in run(app, exchange)] == [LAST.body]


def test_ticks_follow_the_cores_interval_and_stop_when_it_says_zero():
    ticks = iter([Step(Action.SEND_KEEP_ALIVE, body=b" ", more=True, next_tick_seconds=0.01), NOTHING])
    exchange = ScriptedExchange(Admitted=Step(Action.SEND_HEAD, 200, (), next_tick_seconds=0.01))

    def tick():
        exchange.reports.append("Tick")
        return next(ticks)
    exchange.Tick = tick

    async def app(scope, receive, send):
        admissions.find("AbCd1234").queued()
        await asyncio.sleep(0.2)
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"{}", "more_body": False})

    sent = run(app, exchange)
    assert exchange.reports.count("Tick") == 2
    assert [m.get("body") for m in sent if m["type"] == "http.response.body"] == [b" "]
