"""The tracked requests A1111 may report on, by job ID: where the progress hooks, on A1111's worker thread, find
the exchange to tell. Routing only; plain dict operations, atomic under the GIL."""
from __future__ import annotations

_open: dict[str, object] = {}


def open_exchange(job_id: str, exchange) -> None:
    _open[job_id] = exchange


def close_exchange(job_id: str) -> None:
    _open.pop(job_id, None)


def find(task_id):
    """The open exchange for A1111's task ID, or None for a task the tracker does not follow."""
    return _open.get(task_id) if isinstance(task_id, str) else None
