"""The outermost, pure-ASGI middleware: it turns txt2img/img2img API calls into jobs, and answers the
tracker's own GET routes itself (see job_routes)."""
from __future__ import annotations

from . import event_stream, job_routes
from .asgi_messages import app_path, client_ip, header, headers_for_core, read_body, replaying
from .reply_encoding import encoded
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
        # Browsers need A1111's CORS headers, which only come with A1111's own response.
        if job_route is not None and header(scope, b"origin") is None:
            reply = await job_routes.answer_off_loop(self.core, *job_route, scope)
            await _send(send, reply.status, *encoded(scope, reply))
            return
        route = tracked_route(scope)
        if route is None or not self.core.is_enabled():
            await self.app(scope, receive, send)
            return
        body, disconnected = await read_body(receive)
        if disconnected:
            await self.app(scope, replaying(body, receive), send)
            return
        plan = self.core.begin(route, body, client_ip(scope), headers_for_core(scope))
        if plan.action == "reply":
            await _send(send, plan.reply.status, plan.reply.asgi_headers(), plan.reply.body)  # a replay, byte for byte
            return
        if plan.action != "track":
            await self.app(scope, replaying(body, receive), send)
            return
        # Browsers need A1111's CORS headers, which only come with A1111's own response.
        early_headers = header(scope, b"origin") is None
        exchange = TrackedExchange(self.app, self.core, plan.job_id, early_headers,
                                   respond_async=plan.respond_async and early_headers,
                                   keepalive_seconds=plan.keepalive_seconds)
        await exchange.run(scope, plan.body, send)


async def _send(send, status: int, headers, body: bytes) -> None:
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body, "more_body": False})
