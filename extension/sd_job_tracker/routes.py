"""The tracker's HTTP routes on A1111's FastAPI app, so that they are listed in /docs and browsers
reach them through A1111's CORS layer. Each body hands the request to the core (job_routes.answer).

Handlers are async and never touch the thread pool, which queued generations can exhaust.
"""
from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from . import cancel_route
from .job_routes import IMAGE, IMAGE_PATH, JOB, JOB_PATH, JOBS, JOBS_PATH, answer, answer_off_loop


def register(app, core) -> None:
    existing = {getattr(route, "path", None) for route in app.routes}

    async def get_job(request: Request) -> Response:
        """Get one tracked job with its images (base64), queue position, progress and ETA."""
        return _response(await answer_off_loop(core, JOB, request.path_params, request.scope))

    async def get_job_image(request: Request) -> Response:
        """Get image n of a tracked job as a file (PNG/JPEG/WebP as stored), with ETag."""
        return _response(answer(core, IMAGE, request.path_params, request.scope))

    async def list_jobs(request: Request) -> Response:
        """List tracked jobs, newest first; filters: ip, status, after, limit."""
        return _response(answer(core, JOBS, {}, request.scope))

    if JOB_PATH not in existing:
        app.add_api_route(JOB_PATH, get_job, methods=["GET"], tags=["Job Tracker"])
    if IMAGE_PATH not in existing:
        app.add_api_route(IMAGE_PATH, get_job_image, methods=["GET"], tags=["Job Tracker"])
    if JOBS_PATH not in existing:
        app.add_api_route(JOBS_PATH, list_jobs, methods=["GET"], tags=["Job Tracker"])
    cancel_route.register(app, core, existing, _response)


def _response(reply) -> Response:
    response = Response(content=reply.body, status_code=reply.status)
    for name, value in reply.headers:
        response.headers[name] = value
    return response
