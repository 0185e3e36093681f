"""The tracker's GET routes: which paths they are, and the one entrance that answers each.

Two stacks send the bytes: the FastAPI routes (listed in A1111's /docs, and taken by browser requests, which need
A1111's CORS layer) and the outermost middleware, which answers every other GET itself so that a polling client does
not pay for A1111's per-request middleware stack. Both build the answer with the same call on a worker thread
(answer(), and encoded_answer(), which gzips it there too); only the sending differs.
"""
from __future__ import annotations

import asyncio
import re
from typing import NamedTuple

from . import body_pieces, live_state, reply_encoding
from .asgi_messages import app_path, client_of, headers_for_core
from .http_reply import Reply
from .reply_encoding import encoded

JOB_PATH = "/sdapi/v1/job/{job_id}"
JOBS_PATH = "/sdapi/v1/jobs"
IMAGE_PATH = "/sdapi/v1/job/{job_id}/images/{index}"

JOB, JOBS, IMAGE = "job", "jobs", "image"
_COMMON_PREFIX = "/sdapi/v1/job"
_PREPARED = "job_tracker.reply"  # a scope key: the answer, built before the request entered A1111's stack
_JOB_PATTERN = re.compile(r"/sdapi/v1/job/([^/]+)")
_IMAGE_PATTERN = re.compile(r"/sdapi/v1/job/([^/]+)/images/([^/]+)")


def match(scope) -> tuple[str, dict[str, str]] | None:
    """(route, path parameters) when scope is a GET of one of the tracker's routes, else None."""
    if scope["type"] != "http" or scope.get("method") != "GET":
        return None
    path = app_path(scope)
    if not path.startswith(_COMMON_PREFIX):  # every other GET of the WebUI (pages, assets, API) costs only this
        return None
    if path == JOBS_PATH:
        return JOBS, {}
    if found := _JOB_PATTERN.fullmatch(path):
        return JOB, {"job_id": found.group(1)}
    if found := _IMAGE_PATTERN.fullmatch(path):
        return IMAGE, {"job_id": found.group(1), "index": found.group(2)}
    return None


def _answer_now(core, route: str, params: dict[str, str], scope) -> Reply:
    query = scope.get("query_string", b"").decode("latin-1")
    client, headers = client_of(scope), headers_for_core(scope)
    if route == JOB:
        job_id = params["job_id"]
        return core.get_job(job_id, query, client, headers, live_state.read(job_id))
    if route == IMAGE:
        return core.get_image(params["job_id"], params["index"], client, headers)
    return core.list_jobs(query, client, headers)


async def answer(core, route: str, params: dict[str, str], scope) -> Reply:
    """The core's reply, built on a worker thread (pythonnet releases the GIL while .NET runs): a job's images read and
    base64-encoded, an image file read, a list of any `limit` serialized. The event loop never waits for that work;
    the hop to the thread costs about 0.1 ms."""
    return await asyncio.to_thread(_answer_now, core, route, params, scope)


class EncodedAnswer(NamedTuple):
    """A reply as it leaves: its status, ASGI headers and body, gzipped or not (see reply_encoding)."""
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes


async def encoded_answer(core, route: str, params: dict[str, str], scope) -> EncodedAnswer:
    """answer(), gzipped for this client as A1111's GZipMiddleware would, with the compression (up to 128 KiB of
    JSON) on the same worker thread: nothing of it runs on the event loop."""
    def build() -> EncodedAnswer:
        reply = _answer_now(core, route, params, scope)
        return EncodedAnswer(reply.status, *encoded(scope, reply))
    return await asyncio.to_thread(build)


async def send_answer(send, answer_to_send: EncodedAnswer) -> None:
    """Sends an answer straight to the server (the middleware's stack), in pieces with a turn of the event loop
    between them (see body_pieces)."""
    await send({"type": "http.response.start", "status": answer_to_send.status, "headers": answer_to_send.headers})
    async for piece, more in body_pieces.pieces(answer_to_send.body):
        await send({"type": "http.response.body", "body": piece, "more_body": more})


def handed_over(scope, reply: Reply) -> dict:
    """The scope to pass through A1111's stack (a browser needs its CORS headers) with the answer already built off
    the event loop; a body gzip would not pay for (images, a job with its images) is marked as accepting no encoding,
    so that A1111's GZip does not compress it on the loop."""
    prepared = scope if reply_encoding.compressible(reply) else reply_encoding.without_compression(scope)
    return dict(prepared, **{_PREPARED: reply})


async def prepared_or_answer(core, route: str, params: dict[str, str], scope) -> Reply:
    """The answer the middleware built (see handed_over), or, without one, answer()."""
    prepared = scope.get(_PREPARED)
    return prepared if prepared is not None else await answer(core, route, params, scope)
