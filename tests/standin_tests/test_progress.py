"""shared.state during a slow generation: /sdapi/v1/progress, interrupt and skip."""
import json

import pytest

from .helpers import Timed, txt2img_body, wait_until

STEP_SECONDS = 0.05


@pytest.fixture(scope="module")
def slow_server(tmp_path_factory):
    from support.standin_server import StandinServer

    with StandinServer(["--standin-step-seconds", str(STEP_SECONDS)],
                       log_path=tmp_path_factory.mktemp("progress") / "webui.log") as server:
        yield server


def test_progress_is_between_zero_and_one_during_generation(slow_server):
    with slow_server.client() as client:
        job = Timed(lambda: client.post("/sdapi/v1/txt2img", json=txt2img_body(steps=20)))

        def midway():
            body = client.get("/sdapi/v1/progress").json()
            return body if body["state"]["sampling_step"] >= 2 else None

        body = wait_until(midway)
        assert 0 < body["progress"] < 1
        assert body["eta_relative"] > 0
        assert body["state"]["job"] == "scripts_txt2img"
        assert body["state"]["sampling_steps"] == 20
        assert body["current_image"] is None

        assert job.join().status_code == 200
        idle = client.get("/sdapi/v1/progress").json()
        assert idle["progress"] == 0 and idle["state"]["job_count"] == 0


def test_interrupt_returns_200_with_the_images_made_so_far(slow_server):
    with slow_server.client() as client:
        job = Timed(lambda: client.post("/sdapi/v1/txt2img", json=txt2img_body(steps=10, n_iter=3)))
        wait_until(lambda: client.get("/sdapi/v1/progress").json()["state"]["sampling_step"] >= 2)

        assert client.post("/sdapi/v1/interrupt").json() == {}
        response = job.join()

        assert response.status_code == 200
        assert len(response.json()["images"]) == 1
        assert json.loads(response.json()["info"])["all_seeds"] == [1234, 1235, 1236]
        # A1111 leaves the flag set until the next job begins.
        assert client.get("/sdapi/v1/progress").json()["state"]["interrupted"] is True


def test_skip_ends_only_the_current_batch(slow_server):
    with slow_server.client() as client:
        job = Timed(lambda: client.post("/sdapi/v1/txt2img", json=txt2img_body(steps=10, n_iter=2)))
        wait_until(lambda: client.get("/sdapi/v1/progress").json()["state"]["sampling_step"] >= 2)

        client.post("/sdapi/v1/skip")
        response = job.join()

        assert response.status_code == 200
        assert len(response.json()["images"]) == 2
