"""Through a proxy that cuts idle or unlucky connections, as hosted WebUIs have in front of them."""
import pytest
import requests

import recovering_client
from api_client import get_job, payload, wait_for_status
from support.cutting_proxy import CuttingProxy

NO_PROXY = {"http": None, "https": None}


def test_keepalive_spaces_keep_a_long_synchronous_request_alive_through_an_idle_timeout(tracker):
    server = tracker("--standin-step-seconds", "0.25", env={"TRACKER_KEEPALIVE_SECONDS": "1"})
    with CuttingProxy(server.host_port(), idle_seconds=2.5) as proxy:
        response = requests.post(f"{proxy.base_url}/sdapi/v1/txt2img", json=payload("kept alive", steps=20),
                                 timeout=30, proxies=NO_PROXY)
        assert proxy.cuts == 0
    assert response.status_code == 200
    assert response.json()["job_id"] == response.headers["x-job-id"]


def test_without_keepalive_the_proxy_cuts_but_the_job_still_completes(tracker):
    server = tracker("--standin-step-seconds", "0.25", env={"TRACKER_KEEPALIVE_SECONDS": "0"})
    with CuttingProxy(server.host_port(), idle_seconds=2.5) as proxy:
        with pytest.raises(requests.exceptions.RequestException):
            with requests.post(f"{proxy.base_url}/sdapi/v1/txt2img", json=payload("cut off", steps=20),
                               timeout=30, proxies=NO_PROXY, stream=True) as response:
                job_id = response.headers["x-job-id"]  # the early header made it through
                response.content  # noqa: B018 - reading the body is what fails
        assert proxy.cuts == 1
    job = wait_for_status(server.base_url, job_id, {"Completed", "Failed"})
    assert job["status"] == "Completed"


def test_the_readme_client_recovers_when_its_submission_is_cut(tracker, monkeypatch):
    for variable in ("http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(variable, raising=False)
    server = tracker("--standin-step-seconds", "0.1")
    with CuttingProxy(server.host_port(), cut_first=1) as proxy:
        job, images = recovering_client.generate(proxy.base_url, payload("cut once", steps=10))
        assert proxy.cuts == 1
    assert job["status"] == "Completed", job["error"]
    assert len(images) == 1
    assert get_job(server.base_url, job["id"]).json()["status"] == "Completed"
    assert server.get("/standin/generations").json()["count"] == 1
