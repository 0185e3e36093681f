"""UI mode (no --nowebui): the gradio-like app, /internal/progress and task ids from force_task_id."""
import pytest

from .helpers import Timed, txt2img_body, wait_until

STEP_SECONDS = 0.05


@pytest.fixture(scope="module")
def ui_server(tmp_path_factory):
    from support.standin_server import StandinServer

    with StandinServer(["--standin-step-seconds", str(STEP_SECONDS)], nowebui=False,
                       log_path=tmp_path_factory.mktemp("ui") / "webui.log") as server:
        yield server


def progress_of(client, task_id):
    return client.post("/internal/progress", json={"id_task": task_id, "id_live_preview": -1, "live_preview": True}).json()


def test_ui_mode_serves_page_ping_and_api(ui_server):
    with ui_server.client() as client:
        assert "Stand-in WebUI" in client.get("/").text
        assert client.get("/internal/ping").json() == {}
        assert client.post("/sdapi/v1/txt2img", json=txt2img_body()).status_code == 200


def test_without_api_flag_there_is_no_sdapi(start_standin):
    server = start_standin(nowebui=False, api=False)
    with server.client() as client:
        assert client.get("/internal/ping").status_code == 200
        assert client.post("/sdapi/v1/txt2img", json=txt2img_body()).status_code == 404
        assert client.get("/internal/pending-tasks").json() == {"size": 0, "tasks": []}


def test_nowebui_has_no_internal_progress(client):
    assert client.post("/internal/progress", json={"id_task": "x"}).status_code == 404


def test_forced_task_ids_are_queued_then_active_then_completed(ui_server):
    with ui_server.client() as client:
        first = Timed(lambda: client.post("/sdapi/v1/txt2img",
                                          json=txt2img_body(steps=20, force_task_id="task(ui-first)")))
        wait_until(lambda: progress_of(client, "task(ui-first)")["active"])
        second = Timed(lambda: client.post("/sdapi/v1/txt2img",
                                           json=txt2img_body(steps=2, force_task_id="task(ui-second)")))
        queued = wait_until(lambda: (lambda p: p if p["queued"] else None)(progress_of(client, "task(ui-second)")))

        assert queued["active"] is False and queued["textinfo"] == "In queue: 1/1"
        assert client.get("/internal/pending-tasks").json() == {"size": 1, "tasks": ["task(ui-second)"]}
        running = progress_of(client, "task(ui-first)")
        assert running["queued"] is False and 0 <= running["progress"] < 1

        assert first.join().status_code == 200 and second.join().status_code == 200
        for task_id in ("task(ui-first)", "task(ui-second)"):
            done = progress_of(client, task_id)
            assert (done["active"], done["queued"], done["completed"]) == (False, False, True)
            assert done["textinfo"] == "Waiting..."


def test_failed_task_stays_active_as_in_a1111(ui_server):
    with ui_server.client() as client:
        response = client.post("/sdapi/v1/txt2img", json=txt2img_body(prompt="STANDIN_RAISE", force_task_id="task(ui-fail)"))
        assert response.status_code == 500

        stuck = progress_of(client, "task(ui-fail)")
        assert (stuck["active"], stuck["completed"]) == (True, False)

        client.post("/sdapi/v1/txt2img", json=txt2img_body(force_task_id="task(ui-next)"))
        assert progress_of(client, "task(ui-fail)")["active"] is False


def test_unknown_task_is_waiting(ui_server):
    with ui_server.client() as client:
        body = progress_of(client, "task(never-sent)")
    assert (body["active"], body["queued"], body["completed"], body["textinfo"]) == (False, False, False, "Waiting...")
