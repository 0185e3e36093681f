"""What a cancel does on A1111's objects (modules.progress, shared.state), with stand-ins for those two modules."""
import json
import sys
import types
from collections import OrderedDict

import pytest
from fastapi.exceptions import HTTPException

from sd_job_tracker import cancellation
from sd_job_tracker.asgi_messages import Client
from sd_job_tracker.core_slot import CoreSlot
from sd_job_tracker.locked_core import LockedCore


class State:
    """The part of A1111's shared.state a cancel touches: begin() clears the flag, interrupt() sets it."""

    def __init__(self):
        self.interrupted = False

    def begin(self):
        self.interrupted = False

    def interrupt(self):
        self.interrupted = True


@pytest.fixture
def webui(monkeypatch):
    progress = types.ModuleType("modules.progress")
    progress.current_task = None
    progress.pending_tasks = OrderedDict()
    shared = types.ModuleType("modules.shared")
    shared.state = State()
    monkeypatch.setitem(sys.modules, "modules.progress", progress)
    monkeypatch.setitem(sys.modules, "modules.shared", shared)
    monkeypatch.setattr(cancellation, "_refused", set())
    monkeypatch.setattr(cancellation, "_interrupted_task", None)

    def start_task(task_id):  # A1111's modules.progress.start_task
        progress.current_task = task_id
        progress.pending_tasks.pop(task_id, None)

    def run(task_id):
        """What A1111 does when a task's turn on the queue lock comes: state.begin(), then start_task."""
        shared.state.begin()
        cancellation.starting(task_id, start_task)

    return types.SimpleNamespace(progress=progress, state=shared.state, start_task=start_task, run=run)


def test_a_waiting_task_leaves_the_queue_and_is_refused_when_its_turn_comes(webui):
    webui.run("task(A)")
    webui.progress.pending_tasks.update({"task(B)": 1.0, "task(C)": 2.0})

    assert cancellation.stop("task(B)", may_dequeue=True) == cancellation.DEQUEUED

    assert list(webui.progress.pending_tasks) == ["task(C)"]  # C moved up
    assert webui.state.interrupted is False  # A runs on
    with pytest.raises(HTTPException) as refused:
        webui.run("task(B)")
    assert refused.value.status_code == 409 and "cancelled" in refused.value.detail
    assert webui.progress.current_task == "task(A)"  # B never became the current task
    webui.run("task(C)")  # the lock is free again, and B is refused only once
    assert webui.progress.current_task == "task(C)"


def test_the_running_task_is_interrupted_as_sdapi_interrupt_does(webui):
    webui.run("task(A)")

    assert cancellation.stop("task(A)", may_dequeue=False) == cancellation.INTERRUPTED

    assert webui.state.interrupted is True


def test_an_interrupt_that_lands_after_the_next_tasks_begin_is_withdrawn_when_it_starts(webui):
    webui.run("task(A)")
    webui.state.begin()  # task B's turn: A1111 calls state.begin() before start_task, and A is still current

    assert cancellation.stop("task(A)", may_dequeue=False) == cancellation.INTERRUPTED
    assert webui.state.interrupted is True
    cancellation.starting("task(B)", webui.start_task)

    assert webui.progress.current_task == "task(B)"
    assert webui.state.interrupted is False  # B is not stopped by A's cancel


def test_an_interrupt_the_tracker_did_not_send_is_left_alone(webui):
    webui.run("task(A)")
    cancellation.stop("task(A)", may_dequeue=False)
    webui.run("task(B)")
    webui.state.interrupt()  # /sdapi/v1/interrupt, for whatever runs

    cancellation.starting("task(C)", webui.start_task)

    assert webui.state.interrupted is True


def test_a_started_task_that_no_longer_runs_is_not_touched(webui):
    webui.run("task(A)")
    webui.run("task(B)")

    assert cancellation.stop("task(A)", may_dequeue=False) == cancellation.NOT_RUNNING

    assert webui.state.interrupted is False and webui.progress.current_task == "task(B)"


def test_without_a_core_the_cancel_route_answers_like_the_other_job_routes():
    empty = CoreSlot().cancel("ABCDEFGH", "1.2.3.4", [], cancellation.stop)
    assert empty.status == 503 and json.loads(empty.body)["error"] == "TrackerUnavailable"
    locked = LockedCore("no credentials").cancel("ABCDEFGH", "1.2.3.4", [], cancellation.stop)
    assert locked.status == 503 and json.loads(locked.body)["error"] == "TrackerLocked"


class FakePlan:
    Stop, MayDequeue, Reply = True, True, None

    def Dispose(self):
        pass


class FakeHost:
    """The core's two cancel steps, recorded; FinishCancel fails so that no .NET reply has to be faked."""

    def __init__(self):
        self.finished = []

    def BeginCancel(self, job_id, client_ip, headers):
        return FakePlan()

    def FinishCancel(self, job_id, outcome):
        self.finished.append((job_id, outcome))
        raise RuntimeError("not a real core")


def _core_over(host):
    """A TrackerCore over a fake host, without the .NET records its constructor imports (no CLR here)."""
    from sd_job_tracker.core import TrackerCore

    core = TrackerCore.__new__(TrackerCore)
    core._host, core._connection, core._live_state = host, (lambda *facts: facts), (lambda *progress: progress)
    return core


CLIENT = ("1.2.3.4", 50000, None)


def test_the_core_hears_what_the_shim_did(capsys):
    host = FakeHost()
    reply = _core_over(host).cancel("ABCDEFGH", Client(*CLIENT), [], lambda job_id, may_dequeue: cancellation.DEQUEUED)
    assert host.finished == [("ABCDEFGH", "Dequeued")]
    assert reply.status == 500 and "could not record the cancel of job ABCDEFGH" in capsys.readouterr().err


def test_a_failure_on_the_webuis_objects_is_logged_not_raised_and_nothing_is_recorded(capsys):
    def broken_stop(job_id, may_dequeue):
        raise AttributeError("'State' object has no attribute 'interrupt'")

    host = FakeHost()
    reply = _core_over(host).cancel("ABCDEFGH", Client(*CLIENT), [], broken_stop)
    assert reply.status == 500 and host.finished == []
    assert "[Job Tracker] could not stop job ABCDEFGH in the WebUI" in capsys.readouterr().err
