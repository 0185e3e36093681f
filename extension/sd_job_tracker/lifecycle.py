"""What the entry script registers with A1111's callbacks."""
from __future__ import annotations

from . import app_setup, core, host_auth, progress_hooks, routes, webui_flavour
from .locked_core import LockedCore
from .log import log


def on_app_started(demo, app) -> None:
    auth = host_auth.read()
    tracker = core.start(auth.credentials)
    if tracker is None:
        return
    refusal = host_auth.refusal_reason(app, auth)
    if refusal is not None:
        host_auth.log_refusal(refusal)
        tracker = LockedCore(refusal)
    else:
        progress_hooks.install(tracker)
    app_setup.install_middleware(app, tracker)
    routes.register(app, tracker)
    if refusal is None:
        log("tracking /sdapi/v1/txt2img and /sdapi/v1/img2img; jobs at /sdapi/v1/job/{id} and /sdapi/v1/jobs")
    if refusal is None and webui_flavour.is_sdnext():
        # SD.Next's API queues no task id (modules/api/generate.py:87-130), so no admission is ever seen.
        log("on SD.Next X-Job-ID comes with the answer, not before generation; Prefer: respond-async is not honoured")
