"""Recording what an extension does that Gradio 3.41 (A1111) and Gradio 4.x (Forge) do not both accept.

The stand-in accepts it anyway, as one of the two versions would, and keeps a warning so an
extension's tests can assert that its UI uses only what both versions share.
"""
import os
import sys
import threading
from contextlib import contextmanager

from . import context

_GRADIO_DIR = os.path.dirname(os.path.abspath(__file__))
_running = threading.local()


class _Unattached:
    """Where records go when no Blocks is being defined or run (a component built outside any `with`)."""

    portability_warnings = []
    value_errors = []


unattached = _Unattached()


@contextmanager
def recording_into(blocks, handler=None):
    """While an event of `blocks` runs in this thread, what it records belongs to `blocks`.

    Outputs are processed after the handler returned, so `handler` names the code to blame.
    """
    previous = getattr(_running, "blocks", None), getattr(_running, "handler", None)
    _running.blocks, _running.handler = blocks, handler
    try:
        yield
    finally:
        _running.blocks, _running.handler = previous


def _owner():
    return getattr(_running, "blocks", None) or context.root_block or unattached


def _caller_location():
    """file:line of the first frame outside this package: the extension line that did it."""
    handler = getattr(_running, "handler", None)
    if handler is not None:
        code = getattr(handler, "__code__", None)
        return f"{code.co_filename}:{code.co_firstlineno} ({handler.__name__})" if code else repr(handler)
    frame = sys._getframe(1)
    while frame is not None and os.path.abspath(frame.f_code.co_filename).startswith(_GRADIO_DIR):
        frame = frame.f_back
    return f"{frame.f_code.co_filename}:{frame.f_lineno}" if frame is not None else "unknown"


def describe(block) -> str:
    """'Gallery #12 (elem_id='jt_images')' — enough to find the component in the extension."""
    name = type(block).__name__
    elem_id = getattr(block, "elem_id", None)
    return f"{name} #{block.id}" + (f" (elem_id={elem_id!r})" if elem_id else "")


def _entry(block, kind, message, name, location):
    return {
        "kind": kind,
        "component": describe(block) if block is not None else None,
        "name": name,
        "message": message,
        "where": location or _caller_location(),
    }


def warn(block, kind: str, message: str, *, name=None, location=None):
    """Keep a portability warning on the Blocks being defined or run."""
    entry = _entry(block, kind, message, name, location)
    _owner().portability_warnings.append(entry)
    return entry


def value_error(block, message: str, *, name="value"):
    """Keep a value Gradio would not show as given (e.g. a Radio value outside its choices)."""
    entry = _entry(block, "invalid_value", message, name, None)
    _owner().value_errors.append(entry)
    return entry


def check_kwargs(block, given, common, *, what="keyword argument"):
    """Warn for every name in `given` outside `common`, the set both Gradio versions accept."""
    location = _caller_location()
    for name in given:
        if name not in common:
            warn(block, "kwarg", f"{type(block).__name__}({name}=...) is a {what} that Gradio 3.41 and "
                                 f"Gradio 4.x do not both accept", name=name, location=location)
