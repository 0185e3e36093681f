"""What the entry script registers with A1111's callbacks."""
from __future__ import annotations

from . import app_setup, build_wait, core, host_auth, late_start, progress_hooks, routes, runtime_download, webui_flavour
from .core_slot import SLOT
from .locked_core import LockedCore
from .log import log


def on_app_started(demo, app) -> None:
    auth = host_auth.read()
    refusal = host_auth.refusal_reason(app, auth)
    if refusal is not None:
        host_auth.log_refusal(refusal)
        SLOT.fill(LockedCore(refusal))
    elif core.current() is None and (late := _late_start()) is not None:
        # No core to start yet: the WebUI starts now, untracked, and the core joins when it is built or fetched.
        late_start.start(*late, lambda: _start_late(auth.credentials), SLOT.fail)
    else:
        tracker = core.start(auth.credentials)
        if tracker is None:
            return
        _activate(tracker)
    app_setup.install_middleware(app, SLOT)
    routes.register(app, SLOT)


def _late_start():
    """(what, prepare) when the core must wait: for the build install.py started, else for a fetch; else None."""
    waiting = build_wait.preparation()
    if waiting is not None:
        return "waiting for the core's build", waiting
    if runtime_download.wanted():
        return "fetching .NET", runtime_download.prepare
    return None


def _activate(tracker) -> None:
    progress_hooks.install()
    SLOT.fill(tracker)
    log("tracking /sdapi/v1/txt2img and /sdapi/v1/img2img; jobs at /sdapi/v1/job/{id} and /sdapi/v1/jobs")
    if webui_flavour.is_sdnext():
        # SD.Next's API queues no task id (modules/api/generate.py:87-130), so no admission is ever seen.
        log("on SD.Next X-Job-ID comes with the answer, not before generation; Prefer: respond-async is not honoured")


def _start_late(credentials: str | None) -> None:
    tracker = core.start(credentials)
    if tracker is None:
        SLOT.fail()
        return
    _activate(tracker)
    log("tracking on")
