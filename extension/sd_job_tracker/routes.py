"""The tracker's HTTP routes on A1111's FastAPI app. Each body hands the request to the core.

Handlers are async and never touch the thread pool, which queued generations can exhaust.
"""
from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from . import live_state
from .asgi_messages import client_ip, headers_for_core

JOB_PATH = "/sdapi/v1/job/{job_id}"
JOBS_PATH = "/sdapi/v1/jobs"
IMAGE_PATH = "/sdapi/v1/job/{job_id}/images/{index}"


def register(app, core) -> None:
    existing = {getattr(route, "path", None) for route in app.routes}

    async def get_job(request: Request) -> Response:
        """Get one tracked job with its images (base64), queue position, progress and ETA."""
        job_id = request.path_params["job_id"]
        reply = core.get_job_live(job_id, request.url.query, *_caller(request), live_state.gather(job_id))
        return _response(reply)

    async def get_job_image(request: Request) -> Response:
        """Get image n of a tracked job as a file (PNG/JPEG/WebP as stored), with ETag."""
        params = request.path_params
        return _response(core.get_image(params["job_id"], params["index"], *_caller(request)))

    async def list_jobs(request: Request) -> Response:
        """List tracked jobs, newest first; filters: ip, status, after, limit."""
        return _response(core.list_jobs(request.url.query, *_caller(request)))

    if JOB_PATH not in existing:
        app.add_api_route(JOB_PATH, get_job, methods=["GET"], tags=["Job Tracker"])
    if IMAGE_PATH not in existing:
        app.add_api_route(IMAGE_PATH, get_job_image, methods=["GET"], tags=["Job Tracker"])
    if JOBS_PATH not in existing:
        app.add_api_route(JOBS_PATH, list_jobs, methods=["GET"], tags=["Job Tracker"])


def _caller(request: Request) -> tuple[str, str]:
    return client_ip(request.scope), headers_for_core(request.scope)


def _response(reply) -> Response:
    response = Response(content=reply.body, status_code=reply.status)
    for name, value in reply.headers:
        response.headers[name] = value
    return response
