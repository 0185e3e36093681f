"""`GET /sdapi/v1/job/{id}/events`: a job's server-sent events, decided by the core, carried here by asyncio.

One coroutine per open stream, asleep between polls: every POLL_SECONDS it reads A1111's live state for the job,
asks the core what to send (events, a heartbeat, nothing, or the end), sends it, and stops when the core says the
stream is over or the client disconnects. No thread, no thread-pool slot; the core's call is short.

GZip must not hold the events back: A1111's GZipMiddleware (starlette 0.26.1 middleware/gzip.py:48-90) compresses a
streamed body into one gzip member and sends it as the compressor fills, so events would arrive in lumps; it only
steps aside when the request has no `gzip` in Accept-Encoding (gzip.py:22-29). So the tracker's outermost middleware
answers the stream itself, before any of A1111's middleware; a browser request (with Origin, which needs A1111's
CORS headers) goes through A1111's stack with Accept-Encoding removed, to the FastAPI route below.
"""
from __future__ import annotations

import asyncio
import re

from starlette.responses import Response

from . import live_state
from .asgi_messages import app_path, client_of, header, headers_for_core

EVENTS_PATH = "/sdapi/v1/job/{job_id}/events"
_EVENTS_PATTERN = re.compile(r"/sdapi/v1/job/([^/]+)/events")
POLL_SECONDS = 0.25
_running = 0


def match(scope) -> str | None:
    """The job ID when scope is a GET of a job's event stream, else None."""
    if scope["type"] != "http" or scope.get("method") != "GET":
        return None
    found = _EVENTS_PATTERN.fullmatch(app_path(scope))
    return found.group(1) if found else None


def running() -> int:
    """How many streams are being served now (each one coroutine)."""
    return _running


async def answer(core, job_id: str, scope, receive, send, app) -> None:
    """The middleware's way in: serve the stream here, or (a browser request) hand it to A1111's stack without gzip."""
    if header(scope, b"origin") is None:
        await serve(core, job_id, scope, receive, send)
        return
    headers = [(name, value) for name, value in scope.get("headers", []) if name.lower() != b"accept-encoding"]
    await app(dict(scope, headers=headers), receive, send)


async def serve(core, job_id: str, scope, receive, send) -> None:
    global _running
    reply, stream = core.open_events(job_id, client_of(scope), headers_for_core(scope))
    if stream is None:  # 401, 404, 204 (the client has the final event), 503
        await send({"type": "http.response.start", "status": reply.status, "headers": reply.asgi_headers()})
        await send({"type": "http.response.body", "body": reply.body, "more_body": False})
        return
    _running += 1
    try:
        head = [(name.lower().encode("latin-1"), value.encode("latin-1")) for name, value in reply.headers]
        await send({"type": "http.response.start", "status": reply.status, "headers": head})
        await _pump(stream, job_id, receive, send)
    finally:
        _running -= 1
        stream.close()


async def _pump(stream, job_id: str, receive, send) -> None:
    disconnected = asyncio.ensure_future(_disconnect(receive))
    try:
        while True:
            chunk, ended = stream.next(live_state.read(job_id))
            if chunk or ended:
                await send({"type": "http.response.body", "body": chunk, "more_body": not ended})
            if ended:
                return
            done, _ = await asyncio.wait({disconnected}, timeout=POLL_SECONDS)
            if done:
                return
    finally:
        disconnected.cancel()


async def _disconnect(receive) -> None:
    while (await receive())["type"] != "http.disconnect":
        pass


class EventStreamResponse(Response):
    """The FastAPI route's response: the same stream, sent through A1111's stack (for browsers: its CORS headers)."""

    media_type = "text/event-stream"

    def __init__(self, core, job_id: str):
        super().__init__()
        self._core = core
        self._job_id = job_id

    async def __call__(self, scope, receive, send) -> None:
        await serve(self._core, self._job_id, scope, receive, send)
