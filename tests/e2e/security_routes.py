"""Every Job Tracker route of a running WebUI, found in its OpenAPI schema, ready to call."""
from __future__ import annotations

import re

import httpx

TAG = "Job Tracker"
PARAMETER = re.compile(r"\{([^}]+)\}")


def tracker_paths(base_url: str, auth=None) -> list[str]:
    """The path templates of every GET route tagged "Job Tracker", e.g. "/sdapi/v1/job/{job_id}"."""
    schema = httpx.get(f"{base_url}/openapi.json", auth=auth, timeout=30, trust_env=False).json()
    return sorted(path for path, operations in schema["paths"].items() if TAG in operations.get("get", {}).get("tags", []))


def filled(path: str, job_id: str) -> str:
    """The template with {job_id} set and any other parameter (an image index) set to 0."""
    return PARAMETER.sub(lambda m: job_id if m.group(1) == "job_id" else "0", path)


def is_about_one_job(path: str) -> bool:
    return "{job_id}" in path
