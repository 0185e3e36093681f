"""An extension's on_ui_tabs tab, built with the stand-in's gradio and driven over HTTP (UI mode)."""

import pytest
from PIL import Image

from .fake_tab_extension import write_fake_tab_extension


@pytest.fixture(scope="module")
def tab_server(tmp_path_factory):
    from support.standin_server import StandinServer

    folder = tmp_path_factory.mktemp("tab")
    extension = write_fake_tab_extension(folder / "sd-fake-tab")
    with StandinServer(extensions=[extension], nowebui=False, log_path=folder / "webui.log") as server:
        server.extension = extension
        yield server


@pytest.fixture
def ui(tab_server):
    from support.gradio_client import GradioStandin

    with GradioStandin(tab_server.base_url) as client:
        yield client


def test_config_lists_the_tab_inside_a_tabitem_with_its_components(ui):
    config = ui.config()

    assert config["mode"] == "ui"
    [tab] = config["tabs"]
    assert (tab["title"], tab["elem_id"]) == ("Job Tracker", "job_tracker")
    tab_item = next(c for c in config["components"] if c["id"] == tab["tab_id"])
    assert (tab_item["type"], tab_item["elem_id"], tab_item["props"]["id"]) == ("tab", "tab_job_tracker", "job_tracker")

    status = ui.component("jt_status")
    assert (status["type"], status["label"], status["value"]) == ("radio", "Status", "all")
    assert status["choices"] == ["all", "completed", "failed", "explode"]
    assert ui.component("jt_jobs")["headers"] == ["id", "status", "images"]
    assert ui.component("jt_jobs")["interactive"] is False
    assert ui.component("jt_title")["visible"] is False
    assert ui.component("jt_gallery")["props"]["columns"] == 4


def test_config_lists_the_dependencies_by_component_id(ui):
    config = ui.config()
    ids = {c["elem_id"]: c["id"] for c in config["components"]}

    by_fn = {(d["fn"], d["event"]): d for d in config["dependencies"]}
    click = by_fn[("list_jobs", "click")]
    assert click["trigger"] == {"id": ids["jt_refresh"], "elem_id": "jt_refresh"}
    assert click["inputs"] == [ids["jt_status"]] and click["outputs"] == [ids["jt_jobs"], ids["jt_summary"]]
    assert by_fn[("show_job", "select")]["outputs"] == [ids["jt_gallery"], ids["jt_title"]]
    assert ("list_jobs", "load") in by_fn


def test_a_clean_tab_has_no_portability_warning_nor_value_error(ui):
    config = ui.config()

    assert config["portability_warnings"] == []
    assert config["value_errors"] == []


def test_page_load_runs_blocks_load(ui):
    [event] = ui.load()["events"]

    assert (event["fn"], event["event"], event["error"]) == ("list_jobs", "load", None)
    assert event["info"] == ["4 jobs"]


def test_click_runs_the_handler_and_updates_the_outputs(ui):
    result = ui.run("jt_refresh", inputs=["failed"])

    table, summary = result["outputs"]
    assert table == {"headers": ["id", "status", "images"], "data": [["B2", "failed", 0]]}
    assert summary == "**1** job(s)" and result["error"] is None
    assert ui.component("jt_jobs")["value"]["data"] == [["B2", "failed", 0]]
    assert ui.component("jt_status")["value"] == "failed"  # the input as the user set it


def test_without_inputs_the_current_values_are_used(ui):
    ui.run("jt_refresh", inputs=["completed"])

    result = ui.run("jt_refresh")

    assert [row[0] for row in result["outputs"][0]["data"]] == ["A1", "C3", "D4"]


def test_select_passes_select_data_and_the_table(ui):
    ui.run("jt_refresh", inputs=["all"])

    result = ui.run("jt_jobs", event="select", event_data={"index": [1, 0], "value": "B2"})

    gallery, title = result["outputs"]
    assert gallery == []
    assert title == {"__type__": "update", "value": "Job B2 (B2)", "visible": True}
    assert ui.component("jt_title")["visible"] is True


def test_gallery_items_serialize_paths_with_captions_and_pil_images_as_new_temp_files(ui, tab_server):
    ui.run("jt_refresh", inputs=["all"])

    first = ui.run("jt_jobs", event="select", event_data={"index": [0, 0], "value": "A1"})["outputs"][0]
    third = ui.run("jt_jobs", event="select", event_data={"index": [2, 0], "value": "C3"})["outputs"][0]

    images = tab_server.extension / "images"
    assert first == [{"path": str(images / "A1-0.png"), "url": None, "caption": "A1 #0"},
                     {"path": str(images / "A1-1.png"), "url": None, "caption": "A1 #1"}]
    saved = third[1]
    assert saved["url"] is None and saved["caption"] is None
    assert saved["path"].endswith(".png")  # A1111's ui_tempdir: a new PNG in the temp folder
    decoded = Image.open(saved["path"])
    assert decoded.size == (4, 4) and decoded.convert("RGB").getpixel((0, 0)) == (255, 0, 0)
    again = ui.run("jt_jobs", event="select", event_data={"index": [2, 0], "value": "C3"})["outputs"][0][1]
    assert again["path"] != saved["path"]  # the same picture again: another new file, as in A1111


def test_gr_error_is_an_error_message_not_a_crash(ui):
    result = ui.run("jt_refresh", inputs=["explode"])

    assert result["outputs"] is None
    assert result["error"] == "status filter exploded on purpose"


def test_a_missing_gallery_file_is_a_500_with_the_traceback(ui, tab_server):
    from support.gradio_client import GradioEventFailed

    ui.run("jt_refresh", inputs=["all"])

    with pytest.raises(GradioEventFailed) as failure:
        ui.run("jt_jobs", event="select", event_data={"index": [3, 0], "value": "D4"})

    assert failure.value.status_code == 500
    assert failure.value.body["error"].startswith("FileNotFoundError:") and "D4-0.png" in failure.value.body["error"]
    assert "Traceback" in failure.value.body["traceback"]
    assert "FileNotFoundError" in tab_server.log_text()


@pytest.mark.parametrize("body", [
    {"trigger": "no_such_elem"},
    {"trigger": "jt_refresh", "event": "change"},
    {"trigger": "jt_refresh", "inputs": ["all", "extra"]},
    {"trigger": "jt_jobs", "event": "select"},
], ids=["unknown-trigger", "unregistered-event", "wrong-input-count", "select-without-event-data"])
def test_requests_that_do_not_fit_the_recorded_events_are_400(tab_server, body):
    with tab_server.client() as client:
        assert client.post("/standin/gradio/run", json=body).status_code == 400


def test_the_main_page_still_lists_the_tab(tab_server):
    with tab_server.client() as client:
        assert "<li>Job Tracker</li>" in client.get("/").text
