"""Calls a test makes against the WebUI, the same ones the README shows."""
from __future__ import annotations

import base64
import time

import httpx

JOB_ID_PATTERN = r"^[A-Za-z0-9]{8}$"


def payload(prompt: str = "a lighthouse at dusk", **overrides) -> dict:
    body = {"prompt": prompt, "seed": 1234, "steps": 4, "width": 64, "height": 64, "batch_size": 1}
    body.update(overrides)
    return body


def txt2img(base_url: str, body: dict, **kwargs) -> httpx.Response:
    return httpx.post(f"{base_url}/sdapi/v1/txt2img", json=body, timeout=60, trust_env=False, **kwargs)


def get_job(base_url: str, job_id: str, **kwargs) -> httpx.Response:
    return httpx.get(f"{base_url}/sdapi/v1/job/{job_id}", timeout=30, trust_env=False, **kwargs)


def list_jobs(base_url: str, **params) -> httpx.Response:
    auth = params.pop("auth", None)
    return httpx.get(f"{base_url}/sdapi/v1/jobs", params=params, timeout=30, auth=auth, trust_env=False)


def decoded(images: list[str]) -> list[bytes]:
    return [base64.b64decode(image) for image in images]


def wait_for_status(base_url: str, job_id: str, wanted: set[str], timeout: float = 30.0, **kwargs) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        response = get_job(base_url, job_id, **kwargs)
        if response.status_code == 200 and response.json()["status"] in wanted:
            return response.json()
        if time.monotonic() > deadline:
            raise AssertionError(f"job {job_id} never reached {wanted}: {response.status_code} {response.text[:300]}")
        time.sleep(0.1)
