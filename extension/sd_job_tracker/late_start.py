"""The core joining late: something prepares it in a background thread of the WebUI process, then it starts.

Used when on_app_started finds no core it can start yet: the .NET packages of the prebuilt core still have to be
fetched (runtime_download), or the SDK build install.py started in the background is still running (build_wait).
The WebUI starts at its own pace meanwhile; the middleware and routes take the core from the slot (core_slot), so
tracked routes pass through untracked and the job routes answer 503 with Retry-After until it comes.
"""
from __future__ import annotations

import threading
from typing import Callable

from .log import log

AFTER_FAILURE = "The WebUI runs on without tracking; the next launch tries again."

_lock = threading.Lock()
_thread: threading.Thread | None = None
_preparing = threading.Event()


class PreparationFailed(Exception):
    """The core will not come in this process; the message is the one log line that says why."""


def pending() -> bool:
    """Whether a preparation is under way in this process (the core cannot start before it ends)."""
    return _preparing.is_set()


def start(what: str, prepare: Callable[[], None], on_ready: Callable[[], None],
          on_failure: Callable[[], None]) -> None:
    """Run prepare() in a daemon thread, then on_ready() or on_failure() from it. Once per process.

    `what` names the preparation in the line logged for an unexpected error ("fetching .NET")."""
    global _thread
    with _lock:
        if _thread is not None:
            return
        _preparing.set()
        _thread = threading.Thread(target=_run, args=(what, prepare, on_ready, on_failure),
                                   name="job-tracker-late-start", daemon=True)
        _thread.start()


def _run(what, prepare, on_ready, on_failure) -> None:
    try:
        prepare()
    except PreparationFailed as error:
        log(str(error))
        _preparing.clear()
        on_failure()
        return
    except Exception as error:  # noqa: BLE001 - the thread's edge: a fault here must end the preparation, logged
        log(f"{what} failed unexpectedly: {error!r}. {AFTER_FAILURE}")
        _preparing.clear()
        on_failure()
        return
    _preparing.clear()
    on_ready()
