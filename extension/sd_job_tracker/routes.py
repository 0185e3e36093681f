"""The tracker's HTTP routes on A1111's FastAPI app, so that they are listed in /docs with their answers' schemas and
browsers reach them through A1111's CORS layer. Each body sends the answer the middleware built (job_routes.answer,
the same entrance the middleware's own path uses) before the request entered A1111's stack, or asks for it itself
when there is none (job_routes.prepared_or_answer); only the stack that sends the bytes differs.

Handlers are async and never touch the thread pool, which queued generations can exhaust.
"""
from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response, StreamingResponse

from . import body_pieces, cancel_route
from .event_stream import EVENTS_PATH, EventStreamResponse
from .job_routes import IMAGE, IMAGE_PATH, JOB, JOB_PATH, JOBS, JOBS_PATH, prepared_or_answer
from .route_schemas import IMAGE_RESPONSES, JOB_RESPONSES, JOBS_RESPONSES

TAGS = ["Job Tracker"]


def register(app, core) -> None:
    existing = {getattr(route, "path", None) for route in app.routes}

    async def get_job(request: Request) -> Response:
        """Get one tracked job with its images (base64), queue position, progress and ETA."""
        return _response(await prepared_or_answer(core, JOB, request.path_params, request.scope))

    async def get_job_image(request: Request) -> Response:
        """Get image n of a tracked job as a file (PNG/JPEG/WebP as stored), with ETag."""
        return _response(await prepared_or_answer(core, IMAGE, request.path_params, request.scope))

    async def list_jobs(request: Request) -> Response:
        """List tracked jobs, newest first; filters: ip, status, after, before, limit."""
        return _response(await prepared_or_answer(core, JOBS, {}, request.scope))

    async def job_events(request: Request) -> Response:
        """Follow a tracked job as server-sent events (text/event-stream): `queued` (queue_position), `progress`
        (progress, eta_seconds, step, steps), then `completed` or `failed` with the job object (image_urls, no base64)."""
        return EventStreamResponse(core, request.path_params["job_id"])

    for path, endpoint, responses in ((JOB_PATH, get_job, JOB_RESPONSES), (IMAGE_PATH, get_job_image, IMAGE_RESPONSES),
                                      (JOBS_PATH, list_jobs, JOBS_RESPONSES)):
        if path not in existing:
            app.add_api_route(path, endpoint, methods=["GET"], tags=TAGS, responses=responses)
    if EVENTS_PATH not in existing:
        app.add_api_route(EVENTS_PATH, job_events, methods=["GET"], tags=TAGS, response_class=EventStreamResponse,
                          status_code=200)
    cancel_route.register(app, core, existing, _response)


def _response(reply) -> Response:
    if len(reply.body) <= body_pieces.PIECE:
        response = Response(content=reply.body, status_code=reply.status)
    else:  # megabytes of images: sent in pieces (see body_pieces), with their length, as A1111's stack passes them on
        response = StreamingResponse(body_pieces.chunks(reply.body), status_code=reply.status,
                                     headers={"content-length": str(len(reply.body))})
    for name, value in reply.headers:
        response.headers[name] = value
    return response
