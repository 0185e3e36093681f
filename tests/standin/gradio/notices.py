"""gr.Info / gr.Warning: toasts for the user of the event being handled.

Gradio sends them with that event's messages; outside an event they go nowhere. The stand-in
collects them per event (the handler runs in one worker thread) and returns them with its result.
"""
import threading
from contextlib import contextmanager

_current = threading.local()


@contextmanager
def collecting():
    """Within this block, Info/Warning calls from this thread are appended to the yielded dict."""
    notes = {"info": [], "warning": []}
    previous = getattr(_current, "notes", None)
    _current.notes = notes
    try:
        yield notes
    finally:
        _current.notes = previous


def _record(level, message):
    notes = getattr(_current, "notes", None)
    if notes is not None:
        notes[level].append(str(message))


def Info(message: str = "Info issued."):  # noqa: N802 (Gradio's public name)
    _record("info", message)


def Warning(message: str = "Warning issued."):  # noqa: N802,A001 (Gradio's public name)
    _record("warning", message)
