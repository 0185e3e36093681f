"""The outermost, pure-ASGI middleware: it hands txt2img/img2img API calls to the core's exchange, and answers the
tracker's own GET routes itself (see job_routes)."""
from __future__ import annotations

import asyncio

from . import event_stream, job_routes
from .asgi_messages import app_path, client_of, header, headers_for_core, read_body, replaying
from .exchange_step import Action, carry_out
from .tracked_exchange import TrackedExchange

TRACKED_PATHS = {"/sdapi/v1/txt2img": "txt2img", "/sdapi/v1/img2img": "img2img"}


def tracked_route(scope) -> str | None:
    if scope["type"] != "http" or scope.get("method") != "POST":
        return None
    return TRACKED_PATHS.get(app_path(scope))


class JobTrackerMiddleware:
    def __init__(self, app, core):
        if core is None:
            raise ValueError("JobTrackerMiddleware needs a started tracker core")
        self.app = app
        self.core = core

    async def __call__(self, scope, receive, send):
        if (events_of := event_stream.match(scope)) is not None:
            await event_stream.answer(self.core, events_of, scope, receive, send, self.app)
            return
        job_route = job_routes.match(scope)
        if job_route is not None:
            if header(scope, b"origin") is None:
                await job_routes.send_answer(send, await job_routes.encoded_answer(self.core, *job_route, scope))
            else:  # Browsers need A1111's CORS headers, which only come through A1111's stack: the same answer, sent by it.
                reply = await job_routes.answer(self.core, *job_route, scope)
                await self.app(job_routes.handed_over(scope, reply), receive, send)
            return
        route = tracked_route(scope)
        if route is None or not self.core.is_enabled():
            await self.app(scope, receive, send)
            return
        body, disconnected = await read_body(receive)
        if disconnected:
            await self.app(scope, replaying(body, receive), send)
            return
        # Reading the body is the core's work on megabytes for an img2img (its init images): on a worker thread, like
        # every core call whose work grows with a body (pythonnet releases the GIL while .NET runs).
        exchange, opening = await asyncio.to_thread(self.core.begin, route, body, client_of(scope), headers_for_core(scope))
        if opening.action is Action.CALL_APP:
            await TrackedExchange(self.app, self.core, exchange, str(exchange.JobId)).run(scope, opening.body, receive, send)
        elif opening.action is Action.SEND_WHOLE:
            await carry_out(send, opening)  # a replay, byte for byte, or the answer to a bad X-Job-ID
        else:
            await self.app(scope, replaying(body, receive), send)
