"""A1111's queue and progress for one job, read raw for the core (which computes position, progress, ETA).

Reads `modules.progress.pending_tasks` / `current_task` and `modules.shared.state` as they are at call time,
without importing anything: the route stays cheap and never touches the thread pool.
"""
from __future__ import annotations

import sys

STATE_FIELDS = ("job_count", "job_no", "sampling_step", "sampling_steps")


def gather(job_id: str) -> str:
    """`queue_index=..;current=..;job_count=..;...` (see JobTracker.Recovery.LiveState); "" if unreadable."""
    progress = sys.modules.get("modules.progress")
    shared = sys.modules.get("modules.shared")
    parts = []
    if progress is not None:
        pending = getattr(progress, "pending_tasks", None)
        try:
            # A1111 keeps pending tasks in queue order (an insertion-ordered dict of id -> time queued).
            index = list(pending or ()).index(job_id)
        except (ValueError, RuntimeError):  # not waiting, or the queue changed while it was read
            index = -1
        parts.append(f"queue_index={index}")
        parts.append(f"current={int(getattr(progress, 'current_task', None) == job_id)}")
    state = getattr(shared, "state", None) if shared is not None else None
    if state is not None:
        for name in STATE_FIELDS:
            value = getattr(state, name, None)
            if isinstance(value, int):
                parts.append(f"{name}={value}")
        time_start = getattr(state, "time_start", None)
        if isinstance(time_start, (int, float)):
            parts.append(f"time_start={float(time_start)!r}")
    return ";".join(parts)
