"""POST /sdapi/v1/job/{job_id}/cancel on A1111's FastAPI app: the core decides, cancellation acts on A1111.

An async route, so that it never waits for AnyIO's thread pool, which queued generations can exhaust; its work (one
core call, a dict lookup under a lock, one core call that journals the cancel to disk) runs on asyncio's own pool, as
every other core call that may touch the disk, so that a slow disk never holds the event loop.
"""
from __future__ import annotations

import asyncio

from starlette.requests import Request
from starlette.responses import Response

from . import cancellation
from .asgi_messages import client_of, headers_for_core

CANCEL_PATH = "/sdapi/v1/job/{job_id}/cancel"


def register(app, core, existing: set, respond) -> None:
    """Adds the route unless the app has it (Reload UI); `respond` turns a Reply into a Starlette Response."""

    async def cancel_job(request: Request) -> Response:
        """Cancel a tracked job: a pending one never starts, a running one is interrupted (its images so far are
        kept); it ends Failed with error "cancelled". 409 once it has ended."""
        scope = request.scope
        reply = await asyncio.to_thread(core.cancel, request.path_params["job_id"], client_of(scope),
                                        headers_for_core(scope), cancellation.stop)
        return respond(reply)

    if CANCEL_PATH not in existing:
        app.add_api_route(CANCEL_PATH, cancel_job, methods=["POST"], tags=["Job Tracker"])
