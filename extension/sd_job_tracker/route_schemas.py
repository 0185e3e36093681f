"""The JSON schemas of the tracker's answers, for the WebUI's /docs (FastAPI's `responses=` takes plain JSON-schema
dicts, with no pydantic model of our own). They describe what the core writes (JobTracker.Http.JobDetailsWriter,
JobSummary, ErrorBody); tests/e2e/test_openapi.py checks them against real answers, so they cannot drift unseen."""
from __future__ import annotations

_NUMBER_OR_NULL = {"type": "number", "nullable": True}
_STRING_OR_NULL = {"type": "string", "nullable": True}
_STATUS = {"type": "string", "enum": ["Pending", "Processing", "Completed", "Failed"]}

_COMMON = {
    "id": {"type": "string", "description": "8 characters from A-Z, a-z, 0-9"},
    "prompt": {"type": "string"},
    "status": _STATUS,
    "timestamp": {"type": "integer", "description": "creation time, whole unix seconds"},
    "kind": {**_STRING_OR_NULL, "description": "txt2img, img2img, or null for imported jobs"},
    "created": _NUMBER_OR_NULL,
    "started": _NUMBER_OR_NULL,
    "finished": _NUMBER_OR_NULL,
    "error": _STRING_OR_NULL,
    "image_count": {"type": "integer"},
}

JOB = {
    "title": "Job",
    "type": "object",
    "properties": {
        **_COMMON,
        "images": {"type": "array", "items": {"type": "string", "format": "byte"},
                   "description": "base64 images; left out with ?images=false"},
        "negative_prompt": {"type": "string"},
        "info": {"description": "A1111's info for the generation, or null"},
        "image_urls": {"type": "array", "items": {"type": "string"}},
        "queue_position": _NUMBER_OR_NULL,
        "progress": _NUMBER_OR_NULL,
        "eta_seconds": _NUMBER_OR_NULL,
        "cancelled": {"type": "boolean", "description": "true when the job was cancelled (status Failed, error \"cancelled\")"},
        "webhook": {
            "type": "object", "description": "the delivery of the X-Webhook-URL the request asked for; left out without one",
            "properties": {"url": {"type": "string"}, "attempts": {"type": "integer"},
                           "last_status": {"type": "integer", "nullable": True}, "last_error": _STRING_OR_NULL,
                           "delivered": {"type": "boolean"}, "next_attempt": _NUMBER_OR_NULL},
        },
    },
    "required": ["id", "prompt", "status", "timestamp", "image_count", "image_urls"],
}

JOB_SUMMARY = {
    "title": "JobSummary",
    "type": "object",
    "properties": {**_COMMON, "ip": {"type": "string"}},
    "required": list(_COMMON) + ["ip"],
}

JOB_LIST = {"title": "JobList", "type": "array", "items": JOB_SUMMARY,
            "description": "newest first; a Link: rel=\"next\" header points to the next page"}

ERROR = {
    "title": "TrackerError",
    "type": "object",
    "properties": {"error": {"type": "string"}, "detail": {"type": "string"}},
    "required": ["detail"],
}

_IMAGE = {"image/png": {"schema": {"type": "string", "format": "binary"}},
          "image/jpeg": {"schema": {"type": "string", "format": "binary"}},
          "image/webp": {"schema": {"type": "string", "format": "binary"}}}


def _json(schema: dict, description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


_ERRORS = {
    400: _json(ERROR, "a malformed parameter"),
    401: _json(ERROR, "credentials required (--api-auth)"),
    404: _json(ERROR, "no such job (or not yours)"),
    503: _json(ERROR, "the tracker is starting, or locked"),
}

JOB_RESPONSES = {200: _json(JOB, "the job, with live queue position, progress and ETA while it runs"), **_ERRORS}
JOBS_RESPONSES = {200: _json(JOB_LIST, "the jobs, newest first"), **_ERRORS}
IMAGE_RESPONSES = {200: {"description": "the image file as stored", "content": _IMAGE},
                   304: {"description": "not modified (If-None-Match)"}, **_ERRORS}
