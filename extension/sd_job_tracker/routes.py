"""The tracker's HTTP routes on A1111's FastAPI app, so that they are listed in /docs and browsers
reach them through A1111's CORS layer. Each body hands the request to the core (job_routes.answer).

Handlers are async and never touch the thread pool, which queued generations can exhaust.
"""
from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from .event_stream import EVENTS_PATH, EventStreamResponse
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

    async def job_events(request: Request) -> Response:
        """Follow a tracked job as server-sent events (text/event-stream): `queued` (queue_position), `progress`
        (progress, eta_seconds, step, steps), then `completed` or `failed` with the job object (image_urls, no base64)."""
        return EventStreamResponse(core, request.path_params["job_id"])

    if JOB_PATH not in existing:
        app.add_api_route(JOB_PATH, get_job, methods=["GET"], tags=["Job Tracker"])
    if IMAGE_PATH not in existing:
        app.add_api_route(IMAGE_PATH, get_job_image, methods=["GET"], tags=["Job Tracker"])
    if EVENTS_PATH not in existing:
        app.add_api_route(EVENTS_PATH, job_events, methods=["GET"], tags=["Job Tracker"], response_class=EventStreamResponse,
                          status_code=200)
    if JOBS_PATH not in existing:
        app.add_api_route(JOBS_PATH, list_jobs, methods=["GET"], tags=["Job Tracker"])


def _response(reply) -> Response:
    response = Response(content=reply.body, status_code=reply.status)
    for name, value in reply.headers:
        response.headers[name] = value
    return response
