"""The outermost, pure-ASGI middleware that turns txt2img/img2img API calls into jobs."""
from __future__ import annotations

from .asgi_messages import client_ip, header, headers_for_core, read_body, replaying
from .tracked_exchange import TrackedExchange

TRACKED_PATHS = {"/sdapi/v1/txt2img": "txt2img", "/sdapi/v1/img2img": "img2img"}


def tracked_route(scope) -> str | None:
    if scope["type"] != "http" or scope.get("method") != "POST":
        return None
    path = scope.get("path", "")
    root_path = scope.get("root_path", "")
    if root_path and path.startswith(root_path):
        path = path[len(root_path):]
    return TRACKED_PATHS.get(path)


class JobTrackerMiddleware:
    def __init__(self, app, core):
        if core is None:
            raise ValueError("JobTrackerMiddleware needs a started tracker core")
        self.app = app
        self.core = core

    async def __call__(self, scope, receive, send):
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
            await _send_reply(send, plan.reply)
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


async def _send_reply(send, reply) -> None:
    await send({"type": "http.response.start", "status": reply.status, "headers": reply.asgi_headers()})
    await send({"type": "http.response.body", "body": reply.body, "more_body": False})
