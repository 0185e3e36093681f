"""The tracker's GET routes: which paths they are, and the core's answer to each.

Both ways in use this module: the FastAPI routes (listed in A1111's /docs, and taken by browser
requests, which need A1111's CORS layer) and the outermost middleware, which answers every other
GET itself so that a polling client does not pay for A1111's per-request middleware stack.
"""
from __future__ import annotations

import asyncio
import re

from . import live_state, reply_encoding
from .asgi_messages import app_path, client_ip, headers_for_core
from .http_reply import Reply

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


def answer(core, route: str, params: dict[str, str], scope) -> Reply:
    query = scope.get("query_string", b"").decode("latin-1")
    ip, headers = client_ip(scope), headers_for_core(scope)
    if route == JOB:
        job_id = params["job_id"]
        return core.get_job_live(job_id, query, ip, headers, live_state.gather(job_id))
    if route == IMAGE:
        return core.get_image(params["job_id"], params["index"], ip, headers)
    return core.list_jobs(query, ip, headers)


async def answer_off_loop(core, route: str, params: dict[str, str], scope) -> Reply:
    """answer(), with a job's images read and base64-encoded on a worker thread (pythonnet releases the GIL
    while .NET runs), so the event loop never waits for megabytes of images; every other answer stays inline."""
    if route == JOB and b"images=false" not in scope.get("query_string", b"").lower():
        return await asyncio.to_thread(answer, core, route, params, scope)
    return answer(core, route, params, scope)


def handed_over(scope, reply: Reply) -> dict:
    """The scope to pass through A1111's stack (a browser needs its CORS headers) with the answer already built off
    the event loop; a body gzip would not pay for (images, a job with its images) is marked as accepting no encoding,
    so that A1111's GZip does not compress it on the loop."""
    prepared = scope if reply_encoding.compressible(reply) else reply_encoding.without_compression(scope)
    return dict(prepared, **{_PREPARED: reply})


async def prepared_or_answer(core, route: str, params: dict[str, str], scope) -> Reply:
    """The answer the middleware built (see handed_over), or, without one, answer_off_loop()."""
    prepared = scope.get(_PREPARED)
    return prepared if prepared is not None else await answer_off_loop(core, route, params, scope)
