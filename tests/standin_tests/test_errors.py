"""Error bodies: FastAPI's 422s, A1111's middleware JSON, and which responses get X-Process-Time."""
from .helpers import txt2img_body


def test_wrong_type_is_fastapi_422_with_detail_list(client):
    response = client.post("/sdapi/v1/txt2img", json=txt2img_body(steps="abc"))

    assert response.status_code == 422
    assert response.json() == {"detail": [
        {"loc": ["body", "steps"], "msg": "value is not a valid integer", "type": "type_error.integer"}]}


def test_body_that_is_not_json_is_422(client):
    response = client.post("/sdapi/v1/txt2img", content=b"{not json", headers={"Content-Type": "application/json"})

    assert response.status_code == 422
    assert isinstance(response.json()["detail"], list)


def test_generation_failure_is_500_with_a1111_error_json(api_server, client):
    response = client.post("/sdapi/v1/txt2img", json=txt2img_body(prompt="please STANDIN_RAISE now"))

    assert response.status_code == 500
    assert response.json() == {"error": "RuntimeError", "detail": "", "body": "",
                                "errors": "standin: generation failed on purpose"}
    assert "x-process-time" not in response.headers  # the exception skipped log_and_time
    api_server.wait_for_log(r"\*\*\* API error: POST: .*/sdapi/v1/txt2img")


def test_success_carries_x_process_time(client):
    response = client.post("/sdapi/v1/txt2img", json=txt2img_body())

    assert float(response.headers["x-process-time"]) >= 0


def test_unknown_route_is_plain_404(client):
    response = client.get("/sdapi/v1/no-such-route")

    assert response.status_code == 404
    assert response.json() == {"detail": "Not Found"}


def test_unknown_selectable_script_is_422(client):
    response = client.post("/sdapi/v1/txt2img", json=txt2img_body(script_name="no such script"))

    assert response.status_code == 422
    assert response.json()["detail"] == "Script 'no such script' not found"


def test_large_responses_are_gzipped_when_asked(client):
    response = client.post("/sdapi/v1/txt2img", json=txt2img_body(batch_size=2),
                           headers={"Accept-Encoding": "gzip"})

    assert response.headers["content-encoding"] == "gzip"
