"""The tab under A1111's and Forge's image saving (ui_tempdir: every returned PIL image becomes a new
PNG in the temp folder, never cleaned): an hour of refreshes leaves the folder bounded by what is on
screen, an opened job is served from its stored files, a thumbnail clicked again after another job was
opened opens its job again, and the auto-refresh shows no progress overlay."""
import filecmp
from pathlib import Path

import pytest

from api_client import payload, txt2img

REFRESHES = 60  # page loads (each re-sends every thumbnail), auto-refreshes and opened jobs


def _ui(server):
    from support.gradio_client import GradioStandin

    return GradioStandin(server.base_url)


def _served(item) -> Path:
    return Path(item["path"].split("?", 1)[0])  # A1111 serves a stored file as "<path>?<mtime>"


def _temp_files(server) -> list[Path]:
    folder = server.webui.gradio_temp_dir
    return [p for p in folder.rglob("*") if p.is_file()] if folder.exists() else []


@pytest.fixture(params=["a1111", "forge"])
def tab_server(request, tracker):
    server = tracker("--standin-flavour", request.param, nowebui=False)
    ids = [txt2img(server.base_url, payload(f"job {n}", batch_size=2)).headers["x-job-id"] for n in range(3)]
    return server, ids[::-1]  # newest first, as the table lists them


def test_an_hour_of_refreshes_leaves_the_temp_folder_bounded_by_the_screen(tab_server):
    server, ids = tab_server
    with _ui(server) as ui:
        ui.load()
        for n in range(REFRESHES):
            ui.load() if n % 2 else ui.run("jt_refresh")  # a page opened again, the 5 s auto-refresh
            ui.run("jt_jobs", "select", event_data={"index": [n % 3, 0], "value": ids[n % 3]})
        on_screen = len(ids) + 2  # the thumbnails and the two images of the job open
        assert len(_temp_files(server)) <= on_screen, _temp_files(server)


def test_an_opened_job_is_served_from_its_stored_files(tab_server):
    server, ids = tab_server
    with _ui(server) as ui:
        ui.load()
        opened = ui.run("jt_jobs", "select", event_data={"index": [0, 0], "value": ids[0]})
        images = opened["outputs"][2]
        stored = sorted(Path(server.data_dir).rglob(f"{ids[0]}*.png"))
        assert len(images) == len(stored) == 2
        assert [str(_served(item)) for item in images] == [str(p.resolve()) for p in stored]
        thumbs = ui.component("jt_thumbs")["value"]
        assert all(_served(item).is_relative_to(Path(server.data_dir).resolve()) for item in thumbs), thumbs


def test_a_thumbnail_opens_its_job_again_after_another_job_was_opened(tab_server):
    server, ids = tab_server
    with _ui(server) as ui:
        ui.load()
        first = ui.run("jt_thumbs", "select", event_data={"index": 0, "value": None})
        assert first["outputs"][0] == ids[0]
        other = ui.run("jt_jobs", "select", event_data={"index": [1, 0], "value": ids[1]})
        assert other["outputs"][0] == ids[1]
        again = ui.run("jt_thumbs", "select", event_data={"index": 0, "value": None})
        assert again["events"] and again["outputs"][0] == ids[0]


def test_the_auto_refresh_shows_no_progress_overlay(tab_server):
    server, _ = tab_server
    with _ui(server) as ui:
        config = ui.config()
        refresh_id = ui.component("jt_refresh")["id"]
        [refresh] = [d for d in config["dependencies"] if d["trigger"]["id"] == refresh_id and d["event"] == "click"]
        assert refresh["options"]["show_progress"] == "hidden"
        assert config["portability_warnings"] == []
