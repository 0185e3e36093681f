"""The tracker's HTTP routes on A1111's FastAPI app, so that they are listed in /docs with their answers' schemas and
browsers reach them through A1111's CORS layer. Each body is the same entrance the middleware uses (job_routes.answer);
only the stack that sends the bytes differs.

Handlers are async and never touch the thread pool, which queued generations can exhaust.
"""
from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from .job_routes import IMAGE, IMAGE_PATH, JOB, JOB_PATH, JOBS, JOBS_PATH, answer
from .route_schemas import IMAGE_RESPONSES, JOB_RESPONSES, JOBS_RESPONSES

TAGS = ["Job Tracker"]


def register(app, core) -> None:
    existing = {getattr(route, "path", None) for route in app.routes}

    async def get_job(request: Request) -> Response:
        """Get one tracked job with its images (base64), queue position, progress and ETA."""
        return _response(await answer(core, JOB, request.path_params, request.scope))

    async def get_job_image(request: Request) -> Response:
        """Get image n of a tracked job as a file (PNG/JPEG/WebP as stored), with ETag."""
        return _response(await answer(core, IMAGE, request.path_params, request.scope))

    async def list_jobs(request: Request) -> Response:
        """List tracked jobs, newest first; filters: ip, status, after, before, limit."""
        return _response(await answer(core, JOBS, {}, request.scope))

    for path, endpoint, responses in ((JOB_PATH, get_job, JOB_RESPONSES), (IMAGE_PATH, get_job_image, IMAGE_RESPONSES),
                                      (JOBS_PATH, list_jobs, JOBS_RESPONSES)):
        if path not in existing:
            app.add_api_route(path, endpoint, methods=["GET"], tags=TAGS, responses=responses)


def _response(reply) -> Response:
    response = Response(content=reply.body, status_code=reply.status)
    for name, value in reply.headers:
        response.headers[name] = value
    return response
