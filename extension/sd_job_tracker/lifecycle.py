"""What the entry script registers with A1111's callbacks."""
from __future__ import annotations

from . import app_setup, core, progress_hooks, routes
from .log import log


def on_app_started(demo, app) -> None:
    tracker = core.start(_api_auth())
    if tracker is None:
        return
    progress_hooks.install(tracker)
    app_setup.install_middleware(app, tracker)
    routes.register(app, tracker)
    log("tracking /sdapi/v1/txt2img and /sdapi/v1/img2img; jobs at /sdapi/v1/job/{id} and /sdapi/v1/jobs")


def _api_auth() -> str | None:
    from modules import shared  # A1111's module: importable only inside the WebUI

    return getattr(shared.cmd_opts, "api_auth", None)
