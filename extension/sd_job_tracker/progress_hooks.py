"""Wrap A1111's task functions to learn when a tracked job is queued and when it starts.

A1111's API module imported its own references to these functions, so both
`modules.progress` and `modules.api.api` are patched. Wrappers call the original first
and never let a tracker failure reach A1111; the one exception is deliberate: `start_task` of a job cancelled
while it waited raises (see cancellation), so that it never reaches the GPU.
"""
from __future__ import annotations

import sys

from . import admissions, cancellation
from .log import log

MODULES = ("modules.progress", "modules.api.api")
MARKER = "__job_tracker_wrapped__"


def install() -> None:
    """Patch the modules the WebUI has loaded (modules.api.api exists only with --api)."""
    for module_name in MODULES:
        module = sys.modules.get(module_name)
        if module is None:
            continue
        _wrap(module, "add_task_to_queue", lambda exchange: exchange.queued())
        _wrap(module, "start_task", lambda exchange: exchange.started())
    if "modules.progress" not in sys.modules:
        log("this WebUI has no modules.progress: X-Job-ID will come with the response, not before generation")


def _wrap(module, name: str, after) -> None:
    original = getattr(module, name, None)
    if original is None or getattr(original, MARKER, False):
        return

    def wrapper(task_id, *args, **kwargs):
        if name == "start_task":
            result = cancellation.starting(task_id, lambda task: original(task, *args, **kwargs))
        else:
            result = original(task_id, *args, **kwargs)
        exchange = admissions.find(task_id)
        if exchange is not None:
            after(exchange)
        return result

    setattr(wrapper, MARKER, True)
    wrapper.__wrapped__ = original
    wrapper.__name__ = name
    setattr(module, name, wrapper)

