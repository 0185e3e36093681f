"""Carries out a cancel request on A1111's objects; the core decides whether and what (JobTracker.Cancellation).

A job still waiting leaves `modules.progress.pending_tasks` at once (the jobs behind it move up) and is refused
when its turn on A1111's queue lock comes: `start_task` raises before generation, so A1111 releases the lock,
answers that request with its error shape and runs the next job. The job running is interrupted as
`/sdapi/v1/interrupt` does it (`shared.state.interrupt()`), but only while it is still A1111's current task: the
check and `start_task` take the same lock, and an interrupt that lands after the next job's `state.begin()`
is withdrawn when that job starts, so no other job is ever stopped.
"""
from __future__ import annotations

import sys
import threading

DEQUEUED, INTERRUPTED, NOT_RUNNING = "Dequeued", "Interrupted", "NotRunning"  # JobTracker.Cancellation.CancelOutcome

_lock = threading.Lock()
_refused: set[str] = set()  # task ids that must not start
_interrupted_task: str | None = None  # the task the last interrupt was meant for, until the next task starts


def stop(task_id: str, may_dequeue: bool) -> str:
    """Interrupts the task if it is the one running, else (when may_dequeue) takes it out of the queue.
    Returns what was done: DEQUEUED, INTERRUPTED or NOT_RUNNING."""
    global _interrupted_task
    progress = sys.modules.get("modules.progress")
    shared = sys.modules.get("modules.shared")
    with _lock:
        if progress is not None and getattr(progress, "current_task", None) == task_id and shared is not None:
            shared.state.interrupt()
            _interrupted_task = task_id
            return INTERRUPTED
        if not may_dequeue:
            return NOT_RUNNING
        _refused.add(task_id)
        pending = getattr(progress, "pending_tasks", None) if progress is not None else None
        if pending is not None:
            pending.pop(task_id, None)
        return DEQUEUED


def starting(task_id, start):
    """Runs A1111's start_task(task_id) (`start`) unless the task was cancelled while it waited."""
    global _interrupted_task
    with _lock:
        if task_id in _refused:
            _refused.discard(task_id)
            raise cancelled_error(task_id)
        if _interrupted_task is not None and _interrupted_task != task_id:
            # A1111 calls state.begin() (which clears the flag) before start_task: an interrupt for the previous
            # task that landed in between would stop this one.
            shared = sys.modules.get("modules.shared")
            state = getattr(shared, "state", None)
            if state is not None and getattr(state, "interrupted", False):
                state.interrupted = False
        _interrupted_task = None
        return start(task_id)


def cancelled_error(task_id: str) -> Exception:
    """What refuses a cancelled task: an HTTPException, which A1111's handler answers with its status and
    {"error","detail","body","errors"} without a traceback (Forge's FastAPI default: {"detail"})."""
    from fastapi.exceptions import HTTPException  # A1111's own web stack; imported only when a job is refused

    return HTTPException(status_code=409, detail=f"job {task_id} was cancelled before it started")
