"""The "Job Tracker" tab, built by the WebUI through on_ui_tabs and driven over HTTP like a browser would."""
import json
from pathlib import Path

import shutil
import subprocess
import sys
import textwrap

import pytest
from PIL import Image

from api_client import payload, txt2img
from repo import REPO
from test_retention import _age_jobs

UNPINNED = {"TRACKER_ENABLED": None, "TRACKER_RETENTION": None}
TABLE_INPUTS = ("All", "", 1, "25", None)  # status, search, page, jobs per page, page state


def _ui(server):
    from support.gradio_client import GradioStandin

    return GradioStandin(server.base_url)


def _write_config(data_dir: Path, enabled=True, retention=0):
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "config.json").write_text(json.dumps({"tracking_enabled": enabled, "retention_days": retention}))


def _image(item) -> Image.Image:
    """The picture a gallery item shows: a file the WebUI serves (A1111 adds "?<mtime>" to a stored one)."""
    image = Image.open(item["path"].split("?", 1)[0])
    image.load()
    return image


def _table(result, position=1):
    assert result["error"] is None, result
    return result["outputs"][position]["data"]


def _ids(result, position=1):
    return [row[0] for row in _table(result, position)]


def _assert_clean(ui, server):
    config = ui.config()
    assert config["portability_warnings"] == []
    assert config["value_errors"] == []
    # Not server.assert_no_tracker_errors(): the failing job's own traceback is in the log on purpose.
    log = server.log_text()
    assert "[Job Tracker] could not" not in log and "[Job Tracker] disabled" not in log, log


def _generate(server, prompt, **overrides):
    response = txt2img(server.base_url, payload(prompt, **overrides))
    return response.headers.get("x-job-id"), response


@pytest.fixture
def tab_server(tracker):
    server = tracker(nowebui=False)
    jobs = {
        "fox": _generate(server, "a red fox in snow", width=256, height=192, batch_size=2)[0],
        "bird": _generate(server, "a blue bird", width=96, height=160)[0],
        "script": _generate(server, "<script>alert('x')</script> **bold** cat")[0],
        "failed": _generate(server, "STANDIN_RAISE a broken one")[0],
    }
    assert all(jobs.values())
    return server, jobs


def test_the_table_lists_jobs_newest_first_with_real_thumbnails(tab_server):
    server, jobs = tab_server
    with _ui(server) as ui:
        config = ui.config()
        [tab] = config["tabs"]
        assert (tab["title"], tab["elem_id"]) == ("Job Tracker", "job_tracker")

        event = ui.load()["events"][0]  # then restore_thumbnails, which has nothing to restore
        assert event["error"] is None, event
        gallery, table, caption = event["outputs"][3], event["outputs"][4], event["outputs"][5]
        newest_first = [jobs["failed"], jobs["script"], jobs["bird"], jobs["fox"]]
        assert [row[0] for row in table["data"]] == newest_first
        assert table["headers"] == ["ID", "Status", "Images", "Prompt", "Client IP", "Created", "Duration"]
        assert [row[1:3] for row in table["data"]] == [["Failed", 0], ["Completed", 1], ["Completed", 1], ["Completed", 2]]
        assert all(row[4] == "127.0.0.1" and row[5] and row[6].endswith(" s") for row in table["data"])
        assert caption == "Page 1 of 1 · 4 jobs"

        assert [item["caption"].split(" · ")[0] for item in gallery] == newest_first
        sizes = [_image(item).size for item in gallery]
        assert sizes == [(128, 128), (64, 64), (77, 128), (128, 96)]  # failed: a grey placeholder

        thumbs = Path(server.data_dir) / "output" / "thumbs"
        for key, size in (("fox", (128, 96)), ("bird", (77, 128)), ("script", (64, 64))):
            path = thumbs / f"{jobs[key]}-0.jpg"
            with Image.open(path) as thumbnail:
                assert (thumbnail.format, thumbnail.size) == ("JPEG", size)
            assert path.stat().st_size < 8 * 1024
        assert not (thumbs / f"{jobs['failed']}-0.jpg").exists()

        made = {path.name: path.stat().st_mtime_ns for path in thumbs.iterdir()}
        again = ui.run("jt_refresh", inputs=TABLE_INPUTS)
        assert len(again["outputs"][0]) == 4
        assert {path.name: path.stat().st_mtime_ns for path in thumbs.iterdir()} == made, "made once, then reused"
        _assert_clean(ui, server)


def test_an_unchanged_refresh_leaves_table_and_thumbnails_alone(tab_server):
    server, jobs = tab_server
    with _ui(server) as ui:
        ui.load()
        quiet = ui.run("jt_refresh")  # the page's own values, as the auto-refresh sends them
        assert quiet["error"] is None
        assert quiet["outputs"][:3] == [{"__type__": "update"}] * 3
        new_job, _ = _generate(server, "one more")
        changed = ui.run("jt_refresh")
        assert _ids(changed)[0] == new_job
        assert ui.component("jt_jobs")["value"]["data"][0][0] == new_job
        _assert_clean(ui, server)


def test_status_filter_and_search_narrow_the_table(tab_server):
    server, jobs = tab_server
    with _ui(server) as ui:
        ui.load()
        assert _ids(ui.run("jt_status", "change", ["Failed", "", "25", None])) == [jobs["failed"]]
        assert _ids(ui.run("jt_status", "change", ["Completed", "", "25", None])) == [jobs["script"], jobs["bird"], jobs["fox"]]
        assert _ids(ui.run("jt_status", "change", ["Pending", "", "25", None])) == []
        assert _ids(ui.run("jt_search", "submit", ["All", jobs["bird"], "25", None])) == [jobs["bird"]]
        assert _ids(ui.run("jt_search", "submit", ["All", "RED FOX", "25", None])) == [jobs["fox"]]
        assert _ids(ui.run("jt_search", "submit", ["Failed", "fox", "25", None])) == []
        nothing = ui.run("jt_search", "submit", ["All", "no such thing", "25", None])
        assert nothing["outputs"][1] == {"headers": ["ID", "Status", "Images", "Prompt", "Client IP", "Created", "Duration"],
                                         "data": []}
        assert nothing["outputs"][2] == "Page 1 of 1 · 0 jobs"
        # The refresh keeps the filter the page shows.
        assert _ids(ui.run("jt_refresh", inputs=["Completed", "bird", 1, "25", None])) == [jobs["bird"]]
        _assert_clean(ui, server)


def test_pages_go_to_older_jobs_and_stop_at_the_last(tracker):
    server = tracker(nowebui=False)
    ids = [_generate(server, f"job {n}")[0] for n in range(12)][::-1]
    with _ui(server) as ui:
        ui.load()
        first = ui.run("jt_page_size", "change", ["All", "", "10", None])
        assert _ids(first) == ids[:10] and first["outputs"][2] == "Page 1 of 2 · 12 jobs"
        second = ui.run("jt_next", inputs=["All", "", 1, "10", None])
        assert _ids(second) == ids[10:] and second["outputs"][2] == "Page 2 of 2 · 12 jobs"
        assert second["outputs"][3] == {"__type__": "update", "value": 2}
        past = ui.run("jt_next", inputs=["All", "", 2, "10", None])
        assert _ids(past) == ids[10:] and past["outputs"][3] == {"__type__": "update", "value": 2}
        back = ui.run("jt_previous", inputs=["All", "", 2, "10", None])
        assert _ids(back) == ids[:10]
        typed = ui.run("jt_page", "submit", ["All", "", 2, "10", None])
        assert _ids(typed) == ids[10:]
        _assert_clean(ui, server)


def test_selecting_a_job_shows_its_images_prompt_and_info(tab_server):
    server, jobs = tab_server
    with _ui(server) as ui:
        ui.load()
        row = ui.run("jt_jobs", "select", event_data={"index": [3, 0], "value": jobs["fox"]})
        assert row["error"] is None, row
        job_id, status, images, prompt, negative, info, error = row["outputs"][:7]  # then thumbnails, page state
        assert (job_id, status, prompt, negative) == (jobs["fox"], "Completed", "a red fox in snow", "")
        assert [_image(item).size for item in images] == [(256, 192), (256, 192)]
        assert "Size: 256x192" in info and "Seed: 1234" in info and "Steps: 4" in info and "Sampler:" in info
        assert error == {"__type__": "update", "value": "", "visible": False}

        # The ID cell names its job even when the browser shows the rows in another order.
        by_id = ui.run("jt_jobs", "select", event_data={"index": [0, 0], "value": jobs["bird"]})
        assert by_id["outputs"][:2] == [jobs["bird"], "Completed"]
        by_row = ui.run("jt_jobs", "select", event_data={"index": [2, 3], "value": "a blue bird"})
        assert by_row["outputs"][0] == jobs["bird"]

        thumb = ui.run("jt_thumbs", "select", event_data={"index": 0, "value": None})
        job_id, status, images, prompt, _, _, error = thumb["outputs"][:7]
        assert (job_id, status, images) == (jobs["failed"], "Failed", [])
        assert error["visible"] is True and "standin: generation failed on purpose" in error["value"]

        typed = ui.run("jt_job_id", "submit", [jobs["bird"], None])
        assert typed["outputs"][3] == "a blue bird" and len(typed["outputs"][2]) == 1
        unknown = ui.run("jt_job_id", "submit", ["ZZZZZZZZ", None])
        assert unknown["outputs"][6] == {"__type__": "update", "value": "Job ZZZZZZZZ not found", "visible": True}
        _assert_clean(ui, server)


def test_a_prompt_with_markup_comes_back_as_text(tab_server):
    server, jobs = tab_server
    markup = "<script>alert('x')</script> **bold** cat"
    with _ui(server) as ui:
        ui.load()
        table = ui.component("jt_jobs")
        assert [row[3] for row in table["value"]["data"] if row[0] == jobs["script"]] == [markup]
        detail = ui.run("jt_job_id", "submit", [jobs["script"], None])
        assert detail["outputs"][3] == markup
        config = ui.config()
        rendered = [c for c in config["components"] if c["type"] in ("html", "markdown")]
        assert not any("<script" in json.dumps(c.get("value")) for c in rendered)
        text_types = {c["elem_id"]: c["type"] for c in config["components"] if c["elem_id"] in ("jt_prompt", "jt_jobs")}
        assert text_types == {"jt_prompt": "textbox", "jt_jobs": "dataframe"}
        assert config["components"] and all(c["type"] not in ("html", "markdown") for c in config["components"]
                                            if (c.get("elem_id") or "").startswith("jt_"))
        _assert_clean(ui, server)


def test_toggling_tracking_changes_the_next_request_and_is_saved(tracker, tmp_path):
    data = tmp_path / "toggle"
    _write_config(data, enabled=True)
    server = tracker(nowebui=False, data_dir=data, env=UNPINNED)
    with _ui(server) as ui:
        ui.load()
        enabled = ui.component("jt_enabled")
        assert (enabled["value"], enabled["interactive"], enabled["label"]) == (True, True, "Enable tracking")
        assert _generate(server, "tracked")[0]

        off = ui.run("jt_enabled", "input", [False])
        assert off["error"] is None and off["outputs"][2].startswith("Tracking is off")
        job_id, response = _generate(server, "not tracked")
        assert response.status_code == 200 and job_id is None and "job_id" not in response.json()
        assert json.loads((data / "config.json").read_text())["tracking_enabled"] is False

        ui.run("jt_enabled", "input", [True])
        assert _generate(server, "tracked again")[0]
        assert json.loads((data / "config.json").read_text())["tracking_enabled"] is True

        ui.run("jt_retention", "input", ["7 days"])
        assert json.loads((data / "config.json").read_text())["retention_days"] == 7
        assert ui.component("jt_retention")["value"] == "7 days"
        _assert_clean(ui, server)


def test_purge_now_applies_the_retention_and_reports_what_it_removed(tracker, tmp_path):
    data = tmp_path / "purge"
    _write_config(data, enabled=True, retention=0)
    server = tracker(nowebui=False, data_dir=data, env=UNPINNED)
    old = _generate(server, "old one", batch_size=2)[0]
    recent = _generate(server, "recent one")[0]
    with _ui(server) as ui:
        ui.load()  # makes both thumbnails
    server.stop()
    _age_jobs(data, [old], days=3)
    output = data / "output"
    old_files = {p.relative_to(output).as_posix() for p in output.rglob(f"{old}-*")}
    assert old_files == {f"{old}-0.png", f"{old}-1.png", f"{old}-info.json", f"{old}-reply.bin", f"thumbs/{old}-0.jpg"}

    server = tracker(nowebui=False, data_dir=data, env=UNPINNED)
    with _ui(server) as ui:
        ui.load()
        kept = ui.run("jt_purge", inputs=TABLE_INPUTS)
        assert kept["outputs"][0].startswith("Retention is Off") and _ids(kept, 2) == [recent, old]

        ui.run("jt_retention", "input", ["1 day"])
        purged = ui.run("jt_purge", inputs=TABLE_INPUTS)
        assert purged["error"] is None
        assert purged["outputs"][0] == "Removed 1 job older than 1 day and 5 files (images, info, stored answers, thumbnails)."
        assert _ids(purged, 2) == [recent]
        assert not list(output.rglob(f"{old}-*"))
        assert (output / "thumbs" / f"{recent}-0.jpg").exists() and (output / f"{recent}-0.png").exists()
        again = ui.run("jt_purge", inputs=TABLE_INPUTS)
        assert again["outputs"][0] == "Removed 0 jobs older than 1 day and 0 files (images, info, stored answers, thumbnails)."
        _assert_clean(ui, server)


def test_settings_pinned_by_the_environment_are_shown_and_cannot_be_changed(tracker, tmp_path):
    data = tmp_path / "pinned"
    _write_config(data, enabled=False, retention=0)
    server = tracker(nowebui=False, data_dir=data, env={"TRACKER_ENABLED": "1", "TRACKER_RETENTION": "14"})
    with _ui(server) as ui:
        ui.load()
        enabled, retention = ui.component("jt_enabled"), ui.component("jt_retention")
        assert (enabled["value"], enabled["interactive"], enabled["label"]) == (True, False, "Enable tracking (set by TRACKER_ENABLED)")
        assert (retention["value"], retention["interactive"], retention["label"]) == ("14 days", False, "Retention (set by TRACKER_RETENTION)")
        assert retention["choices"][0] == "14 days"
        note = ui.component("jt_settings_note")["value"]
        assert "set by the environment variable TRACKER_ENABLED" in note and "TRACKER_RETENTION" in note

        # A client that sends the event anyway (the browser would not) changes nothing and is told why.
        forced = ui.run("jt_enabled", "input", [False])
        assert "tracking is set by the environment variable TRACKER_ENABLED" in forced["outputs"][2]
        assert forced["outputs"][0]["value"] is True and forced["outputs"][0]["interactive"] is False
        assert _generate(server, "still tracked")[0]
        ui.run("jt_retention", "input", ["1 day"])
        assert ui.component("jt_retention")["value"] == "14 days"
        assert json.loads((data / "config.json").read_text()) == {"tracking_enabled": False, "retention_days": 0}
        _assert_clean(ui, server)


def test_the_tab_works_with_api_auth_on(tab_server, tracker):
    server = tracker("--api-auth", "api:secret", nowebui=False)
    job_id = txt2img(server.base_url, payload("behind auth"), auth=("api", "secret")).headers["x-job-id"]
    with _ui(server) as ui:
        event = ui.load()["events"][0]  # then restore_thumbnails, which has nothing to restore
        assert [row[0] for row in event["outputs"][4]["data"]] == [job_id]
        _assert_clean(ui, server)


def test_without_a_running_core_the_tab_says_so_and_stays_usable(tmp_path):
    from support.standin_server import StandinServer

    unbuilt = tmp_path / "sd-job-tracker"  # neither an SDK build nor the prebuilt core
    for part in ("scripts", "extension", "javascript"):
        shutil.copytree(REPO / part, unbuilt / part, ignore=shutil.ignore_patterns("__pycache__", "prebuilt"))
    with StandinServer(extensions=[unbuilt], nowebui=False, env={"TRACKER_DATA_DIR": str(tmp_path / "d")},
                       log_path=tmp_path / "unbuilt.log") as webui, _ui(webui) as ui:
        event = ui.load()["events"][0]  # then restore_thumbnails, which has nothing to restore
        assert event["error"] is None, event
        enabled, retention, note = event["outputs"][:3]
        assert enabled == {"__type__": "update", "interactive": False} and retention["interactive"] is False
        assert "not running" in note
        assert event["outputs"][4]["data"] == [] and "not running" in event["outputs"][5]
        assert "not running" in ui.run("jt_purge", inputs=TABLE_INPUTS)["outputs"][0]
        assert ui.run("jt_job_id", "submit", ["A3f9K2xY", None])["outputs"][6]["visible"] is True
        config = ui.config()
        assert config["portability_warnings"] == [] and config["value_errors"] == []
        assert webui.log_text().count("[Job Tracker] disabled") == 1


def test_the_package_and_the_tab_entry_do_not_import_gradio():
    probe = textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(REPO / "extension")!r})
        import sd_job_tracker, sd_job_tracker.core, sd_job_tracker.tab, sd_job_tracker.tab_text
        import sd_job_tracker.thumbnails, sd_job_tracker.lifecycle
        print(sorted(name for name in sys.modules if name.split(".")[0] in ("gradio", "clr", "modules")))
    """)
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stdout.strip()) == (0, "[]"), result.stderr
