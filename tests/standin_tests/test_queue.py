"""The FIFO queue over HTTP, and the generation counter."""
import time

import pytest

from .helpers import Timed, txt2img_body

STEP_SECONDS = 0.05
STEPS = 10  # one generation lasts STEPS * STEP_SECONDS = 0.5 s


@pytest.fixture(scope="module")
def slow_server(tmp_path_factory):
    from support.standin_server import StandinServer

    with StandinServer(["--standin-step-seconds", str(STEP_SECONDS)],
                       log_path=tmp_path_factory.mktemp("queue") / "webui.log") as server:
        yield server


def test_concurrent_requests_run_one_after_another_in_arrival_order(slow_server):
    generation = STEPS * STEP_SECONDS
    with slow_server.client() as client:
        requests = []
        for name in ("first", "second", "third"):
            requests.append(Timed(lambda n=name: client.post("/sdapi/v1/txt2img", json=txt2img_body(prompt=n, steps=STEPS))))
            time.sleep(0.15)  # arrival order: first, second, third
        responses = [r.join() for r in requests]

    assert [r.status_code for r in responses] == [200, 200, 200]
    finish = [r.finished_at for r in requests]
    # Each later request still needed its whole generation after the previous one ended.
    assert finish[1] - finish[0] >= generation * 0.8
    assert finish[2] - finish[1] >= generation * 0.8


def test_counter_counts_process_images_calls_not_images(api_server, client):
    def count():
        return client.get("/standin/generations").json()["count"]

    before = count()
    client.post("/sdapi/v1/txt2img", json=txt2img_body(batch_size=2, n_iter=2))
    assert count() == before + 1

    client.post("/sdapi/v1/txt2img", json=txt2img_body(prompt="STANDIN_RAISE"))
    assert count() == before + 2  # a failed generation did start

    client.post("/sdapi/v1/img2img", json=txt2img_body())  # 404 before queueing
    assert count() == before + 2
