"""One tracked txt2img/img2img request, from admission to the stored result.

As soon as A1111 admits the request to its queue, the response headers leave with
`X-Job-ID` (status 200, chunked JSON), before generation begins. When A1111 answers,
the core records the result and returns the body to send, with "job_id" added.
If A1111 answers before admitting the request (a 4xx on validation), its response goes
out untouched and no job remains.

With `Prefer: respond-async` the client gets the core's `202 Accepted` at admission instead,
and A1111's answer is only recorded; a WebUI that answers before the admission is seen gets its
answer sent as is (never a 202 after the generation). A synchronous answer still waiting after the early headers
sends one space every `keepalive_seconds` (JSON allows leading whitespace), so proxies that cut
idle connections keep it open.
"""
from __future__ import annotations

import asyncio
import json

from . import admissions, live_state
from .asgi_messages import disconnect_once, replace_header, replaying, with_body_headers
from .log import log

WAITING, EARLY_HEADERS_SENT, APP_ANSWERED_FIRST, ACCEPTED = "waiting", "early", "app-first", "accepted"
KEEPALIVE_BYTES = b" "
JSON = b"application/json"


class TrackedExchange:
    def __init__(self, app, core, job_id: str, early_headers: bool, respond_async: bool = False,
                 keepalive_seconds: int = 0):
        if keepalive_seconds < 0:
            raise ValueError("keepalive_seconds must be 0 (off) or more")
        self.respond_async = respond_async
        self.keepalive_seconds = keepalive_seconds
        self.app = app
        self.core = core
        self.job_id = job_id
        self.early_headers = early_headers
        self.phase = WAITING
        self.admitted = asyncio.Event()
        self.send_lock = asyncio.Lock()
        self.status = 500
        self.app_headers: list = []
        self.chunks: list[bytes] = []
        self.finished = False
        self.app_done = asyncio.Event()

    async def run(self, scope, body: bytes, send) -> None:
        loop = asyncio.get_running_loop()
        admissions.expect(self.job_id, lambda: loop.call_soon_threadsafe(self.admitted.set))
        # A1111's GZip sits inside us: an identity response lets the early bytes through unbuffered.
        inner_scope = with_body_headers(scope, len(body), drop=(b"accept-encoding",))
        herald = asyncio.create_task(self._send_early_headers(send)) if self.early_headers else None
        try:
            await self.app(inner_scope, replaying(body, disconnect_once(self.app_done)), lambda m: self._capture(m, send))
        except Exception as error:
            if self.phase not in (EARLY_HEADERS_SENT, ACCEPTED) or self.finished:
                raise
            # Headers are out, so the server's own error page can no longer be sent: finish as A1111 would.
            log(f"job {self.job_id}: the WebUI raised {type(error).__name__}: {error}")
            self.status = 500
            self.chunks = [a1111_error_body(error)]
            await self._finish(send)
        finally:
            self.app_done.set()
            admissions.forget(self.job_id)
            if herald is not None and self.phase == ACCEPTED:
                await herald  # let the 202 finish leaving; it is the whole response
            elif herald is not None:
                herald.cancel()
            if not self.finished:
                self.core.abandon(self.job_id)

    async def _send_early_headers(self, send) -> None:
        await self.admitted.wait()
        if self.phase != WAITING:
            return
        if self.respond_async:
            self.phase = ACCEPTED
            async with self.send_lock:
                await self._send_accepted(send)
            return
        self.phase = EARLY_HEADERS_SENT
        async with self.send_lock:
            await send({
                "type": "http.response.start",
                "status": 200,
                "headers": [(b"content-type", JSON), (b"x-job-id", self.job_id.encode("ascii"))],
            })
        while self.keepalive_seconds > 0:
            await asyncio.sleep(self.keepalive_seconds)
            async with self.send_lock:
                if self.finished:
                    return
                await send({"type": "http.response.body", "body": KEEPALIVE_BYTES, "more_body": True})

    async def _send_accepted(self, send) -> None:
        reply = self.core.accepted(self.job_id, live_state.gather(self.job_id))
        await send({"type": "http.response.start", "status": reply.status, "headers": reply.asgi_headers()})
        await send({"type": "http.response.body", "body": reply.body, "more_body": False})

    async def _capture(self, message, send) -> None:
        if message["type"] == "http.response.start":
            self.status = int(message["status"])
            self.app_headers = list(message.get("headers", []))
            if self.phase == WAITING:
                self.phase = APP_ANSWERED_FIRST
            return
        if message["type"] != "http.response.body":
            return
        self.chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            await self._finish(send)

    async def _finish(self, send) -> None:
        body = b"".join(self.chunks)
        if self.phase == ACCEPTED:
            await self._record(body)  # the client has its 202; the result is fetched from the job
            return
        if self.phase == EARLY_HEADERS_SENT:
            out = await self._record(body)
            async with self.send_lock:
                await send({"type": "http.response.body", "body": out, "more_body": False})
            return
        # A1111 answered before the early headers left: either it refused the request
        # (no admission, no job) or it failed or finished right after admitting it, or the WebUI
        # never reports admissions (SD.Next). The job is over, so a 202 would come after the
        # generation: the client gets the result itself, as if it had not asked to respond async.
        if self.admitted.is_set() or (self.status == 200 and self.core.queued(self.job_id)):
            out = await self._record(body)
            headers = replace_header(self.app_headers, b"content-length", str(len(out)).encode("ascii"))
            headers = replace_header(headers, b"x-job-id", self.job_id.encode("ascii"))
        else:
            self.core.abandon(self.job_id)
            self.finished = True
            out, headers = body, self.app_headers
        async with self.send_lock:
            await send({"type": "http.response.start", "status": self.status, "headers": headers})
            await send({"type": "http.response.body", "body": out, "more_body": False})

    async def _record(self, body: bytes) -> bytes:
        """The core stores the result (megabytes of images, decoded and written to disk) on a worker thread, so the
        event loop serves every other request meanwhile. Once begun it runs to its end, even if this task is cancelled."""
        self.finished = True
        return await asyncio.to_thread(self.core.finish, self.job_id, self.status, body)


def a1111_error_body(error: Exception) -> bytes:
    """The JSON A1111's exception handler gives an unhandled error."""
    body = {"error": type(error).__name__, "detail": "", "body": "", "errors": str(error)}
    return json.dumps(body).encode("utf-8")
