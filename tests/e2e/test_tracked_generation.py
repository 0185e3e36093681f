"""txt2img / img2img become jobs: header, body field, stored images, job endpoint."""
import base64
import io
import re

from PIL import Image

from api_client import JOB_ID_PATTERN, decoded, get_job, payload, txt2img


def _png_base64(size=(64, 64), colour=(200, 30, 30)) -> str:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format="PNG")
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def test_txt2img_batch_is_stored_byte_for_byte(tracker):
    server = tracker()
    response = txt2img(server.base_url, payload("three red boats", batch_size=3))

    assert response.status_code == 200
    job_id = response.headers["x-job-id"]
    assert re.match(JOB_ID_PATTERN, job_id)
    body = response.json()
    assert body["job_id"] == job_id
    assert len(body["images"]) == 3

    job = get_job(server.base_url, job_id).json()
    assert job["id"] == job_id
    assert job["status"] == "Completed"
    assert job["prompt"] == "three red boats"
    assert isinstance(job["timestamp"], int)
    assert decoded(job["images"]) == decoded(body["images"])
    server.assert_no_tracker_errors()


def test_img2img_batch_is_stored_byte_for_byte(tracker):
    server = tracker()
    body = payload("a painted copy", batch_size=3, init_images=[_png_base64()], denoising_strength=0.5)
    response = server.post("/sdapi/v1/img2img", json=body)

    assert response.status_code == 200
    job_id = response.headers["x-job-id"]
    assert re.match(JOB_ID_PATTERN, job_id)
    job = get_job(server.base_url, job_id).json()
    assert job["status"] == "Completed"
    assert job["kind"] == "img2img"
    assert decoded(job["images"]) == decoded(response.json()["images"])
    assert len(job["images"]) == 3


def test_job_id_is_also_a1111s_task_id(tracker):
    server = tracker()
    response = txt2img(server.base_url, payload())
    assert response.json()["parameters"]["force_task_id"] == response.headers["x-job-id"]


def test_unknown_job_is_a_json_404(tracker):
    server = tracker()
    response = get_job(server.base_url, "Zz9Zz9Zz")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/json")
    assert "not found" in response.json()["detail"].lower()


def test_invalid_request_is_a1111s_422_and_leaves_no_job(tracker):
    server = tracker()
    response = txt2img(server.base_url, payload(steps="many"))
    assert response.status_code == 422
    assert "x-job-id" not in response.headers
    assert server.get("/sdapi/v1/jobs").json() == []
