"""A1111's queue and progress for one job, read raw for the core (which computes position, progress and ETA).

Reads `modules.progress.pending_tasks` / `current_task` and `modules.shared.state` as they are at call time,
without importing anything: the route stays cheap and never touches the thread pool.
"""
from __future__ import annotations

import math
import sys
from typing import NamedTuple


class Progress(NamedTuple):
    """The fields of JobTracker.Interop.LiveState, in its order."""
    queue_index: int
    is_current: bool
    job_count: int
    job_no: int
    sampling_step: int
    sampling_steps: int
    time_start: float | None


def read(job_id: str) -> Progress | None:
    """What A1111 shows of the job now; None when this WebUI has neither module loaded."""
    progress = sys.modules.get("modules.progress")
    shared = sys.modules.get("modules.shared")
    state = getattr(shared, "state", None) if shared is not None else None
    if progress is None and state is None:
        return None
    index, current = -1, False
    if progress is not None:
        try:
            # A1111 keeps pending tasks in queue order (an insertion-ordered dict of id -> time queued).
            index = list(getattr(progress, "pending_tasks", None) or ()).index(job_id)
        except (ValueError, RuntimeError):  # not waiting, or the queue changed while it was read
            index = -1
        current = getattr(progress, "current_task", None) == job_id
    time_start = getattr(state, "time_start", None)
    return Progress(index, current, _count(state, "job_count"), _count(state, "job_no"), _count(state, "sampling_step"),
                    _count(state, "sampling_steps"),
                    _seconds(time_start))


def _count(state, name: str) -> int:
    value = getattr(state, name, None)
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _seconds(value) -> float | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        return float(value)
    return None
