"""What the entry script registers with A1111's callbacks."""
from __future__ import annotations

from . import app_setup, core, progress_hooks, routes, runtime_download
from .core_slot import SLOT
from .log import log


def on_app_started(demo, app) -> None:
    if core.current() is None and runtime_download.wanted():
        # No .NET build here yet: the WebUI starts now, untracked, and the core joins when its runtime is fetched.
        runtime_download.start(_start_late, SLOT.fail)
    else:
        tracker = core.start(_api_auth())
        if tracker is None:
            return
        _activate(tracker)
    app_setup.install_middleware(app, SLOT)
    routes.register(app, SLOT)


def _activate(tracker) -> None:
    progress_hooks.install(tracker)
    SLOT.fill(tracker)
    log("tracking /sdapi/v1/txt2img and /sdapi/v1/img2img; jobs at /sdapi/v1/job/{id} and /sdapi/v1/jobs")


def _start_late() -> None:
    tracker = core.start(_api_auth())
    if tracker is None:
        SLOT.fail()
        return
    _activate(tracker)
    log("tracking on")


def _api_auth() -> str | None:
    from modules import shared  # A1111's module: importable only inside the WebUI

    return getattr(shared.cmd_opts, "api_auth", None)
