"""Tracked requests waiting for A1111 to admit them to its queue.

The middleware registers a job ID with a thread-safe callback; A1111's worker thread,
through the progress hooks, reports the admission. Plain dict operations: atomic under the GIL.
"""
from typing import Callable

_waiting: dict[str, Callable[[], None]] = {}


def expect(job_id: str, on_admitted: Callable[[], None]) -> None:
    _waiting[job_id] = on_admitted


def forget(job_id: str) -> None:
    _waiting.pop(job_id, None)


def is_tracked(job_id) -> bool:
    return isinstance(job_id, str) and job_id in _waiting


def admitted(job_id: str) -> None:
    on_admitted = _waiting.get(job_id)
    if on_admitted is not None:
        on_admitted()
