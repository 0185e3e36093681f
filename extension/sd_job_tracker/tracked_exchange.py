"""Drives one tracked txt2img/img2img request's exchange (JobTracker.Interop.Exchange) through ASGI.

This module decides nothing about the job or the reply: it reports what it observes — A1111 queued or started the
task, the event loop saw the admission, A1111's response head and body, an exception, the client leaving, a
keep-alive tick, the end — and carries out the step the core returns for each. What it keeps is asyncio timing and
ASGI plumbing: one lock so that the steps go out in the order the core decided them, the admission handed from
A1111's worker thread to the event loop, the ticks the core asks for, and A1111 kept running when the client leaves.
"""
from __future__ import annotations

import asyncio

from . import admissions, live_state, native_bytes
from .asgi_messages import disconnect_once, replaying, with_body_headers
from .exchange_step import Action, carry_out, header_pairs


SMALL_PIECE = 64 * 1024  # copied into the core in about 10 µs; the hop to a worker thread costs about 100 µs


class TrackedExchange:
    def __init__(self, app, core, exchange, job_id: str):
        self.app = app
        self.core = core
        self.exchange = exchange
        self.job_id = job_id
        self._send = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._lock = asyncio.Lock()
        self._app_done = asyncio.Event()
        self._announcing: asyncio.Task | None = None
        self._ticker: asyncio.Task | None = None

    async def run(self, scope, body: bytes, receive, send) -> None:
        self._loop = asyncio.get_running_loop()
        self._send = send
        admissions.open_exchange(self.job_id, self)
        # A1111's GZip sits inside us: an identity response lets the early bytes through unbuffered.
        inner_scope = with_body_headers(scope, len(body), drop=(b"accept-encoding",))
        watcher = asyncio.create_task(self._watch_client(receive))
        try:
            await self.app(inner_scope, replaying(body, disconnect_once(self._app_done)), self._capture)
        except Exception as error:
            # After the head, the core stores the job as Failed: a disk write, on a worker thread.
            step = await self._report("report the WebUI's exception", self.exchange.Raised,
                                      type(error).__name__, str(error), off_loop=True)
            if step.action is Action.PASS_THROUGH:
                raise
        finally:
            self._app_done.set()
            admissions.close_exchange(self.job_id)
            watcher.cancel()
            if self._ticker is not None:
                self._ticker.cancel()
            try:
                if self._announcing is not None:
                    await self._announcing  # a head or a 202 being sent finishes leaving
            finally:
                # A job whose answer was not recorded is abandoned: a disk write, on a worker thread. Were this task
                # cancelled meanwhile, the call still runs to its end there.
                await asyncio.to_thread(self.core.step, "end the exchange", self.exchange.End)

    # A1111's worker thread (progress hooks).
    def queued(self) -> None:
        self.core.call("record the queued job", None, self.exchange.Queued)
        self._loop.call_soon_threadsafe(self._on_admitted)

    def started(self) -> None:
        self.core.call("record the job's start", None, self.exchange.Started)

    # The event loop.
    def _on_admitted(self) -> None:
        if not self._app_done.is_set() and self._announcing is None:
            self._announcing = asyncio.ensure_future(self._announce())

    async def _announce(self) -> None:
        progress = self.core.live_state(live_state.read(self.job_id))
        step = await self._report("announce the job", self.exchange.Admitted, progress)
        if step.next_tick_seconds > 0:
            self._ticker = asyncio.ensure_future(self._tick(step.next_tick_seconds))

    async def _tick(self, seconds: float) -> None:
        while seconds > 0:
            await asyncio.sleep(seconds)
            step = await self._report("keep the connection alive", self.exchange.Tick)
            seconds = step.next_tick_seconds

    async def _capture(self, message) -> None:
        if message["type"] == "http.response.start":
            await self._report("read A1111's response head", self.exchange.AppHead,
                               int(message["status"]), header_pairs(message.get("headers", [])))
        elif message["type"] == "http.response.body":
            chunk = bytes(message.get("body", b""))
            more = bool(message.get("more_body", False))
            # A piece can be megabytes of base64 images to copy, and the last one makes the core store the result
            # (images decoded and written to disk): on a worker thread, so the event loop serves every other request
            # meanwhile. A small piece is copied at once, for less than the hop to a thread would cost.
            await self._report("record A1111's answer", self.exchange.AppBody, native_bytes.address_of(chunk),
                               len(chunk), more, off_loop=not more or len(chunk) > SMALL_PIECE)

    async def _watch_client(self, receive) -> None:
        while (await receive())["type"] != "http.disconnect":
            pass
        await self._report("note that the client left", self.exchange.ClientGone)

    async def _report(self, what: str, method, *args, off_loop: bool = False):
        async with self._lock:
            if off_loop:
                step = await asyncio.to_thread(self.core.step, what, method, *args)
            else:
                step = self.core.step(what, method, *args)
            await carry_out(self._send, step)
            return step

