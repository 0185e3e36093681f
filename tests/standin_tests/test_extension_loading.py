"""An extension folder is installed and loaded as A1111 does it, in both startup modes."""
from pathlib import Path

import pytest

from .helpers import txt2img_body

STANDIN_ROOT = Path(__file__).resolve().parents[1] / "standin"


@pytest.mark.parametrize("nowebui", [True, False], ids=["nowebui", "ui"])
def test_extension_is_installed_and_loaded(start_standin, fake_extension, nowebui):
    server = start_standin(extensions=[fake_extension], skip_install=False, nowebui=nowebui, api=True)

    marker = fake_extension / "installed.marker"
    assert marker.read_text() == f"cwd={STANDIN_ROOT}\n"  # install.py ran with the WebUI root as cwd
    log = server.log_text()
    assert "[fake-ext] install.py ran; pytest installed: True" in log
    assert "[stand-in] would run:" in log and "install fake-ext-dependency" in log

    with server.client() as client:
        report = client.get("/fake-ext/report").json()
    assert report["demo_is_none"] is nowebui
    assert [load["file"] for load in report["loads"]] == ["a_first.py", "b_second.py"]
    for load in report["loads"]:
        assert load["name"] == load["file"] and load["in_sys_modules"] is False
        assert load["basedir"] == str(fake_extension) and load["path0"] == str(fake_extension)
    assert report["ext_dir_on_sys_path_now"] is False
    assert f"[fake-ext] app started, demo is None: {nowebui}" in log


def test_skip_install_does_not_run_install_py(start_standin, fake_extension):
    server = start_standin(extensions=[fake_extension])

    assert not (fake_extension / "installed.marker").exists()
    with server.client() as client:
        assert client.get("/fake-ext/report").status_code == 200


def test_failing_callback_is_reported_and_startup_goes_on(start_standin, fake_extension):
    server = start_standin(extensions=[fake_extension])

    log = server.log_text()
    assert "*** Error executing callback ui_tabs_callback for" in log
    assert "ValueError: fake-ext tab exploded on purpose" in log
    with server.client() as client:
        assert client.post("/sdapi/v1/txt2img", json=txt2img_body()).status_code == 200


def test_settings_registered_in_on_ui_settings_appear_in_options(start_standin, fake_extension):
    server = start_standin(extensions=[fake_extension])

    with server.client() as client:
        assert client.get("/sdapi/v1/options").json()["fake_ext_flag"] is True


def test_patched_start_task_and_always_on_script_see_the_forced_id(start_standin, fake_extension):
    server = start_standin(extensions=[fake_extension])

    with server.client() as client:
        client.post("/sdapi/v1/txt2img", json=txt2img_body(force_task_id="task(ext-1)"))
        report = client.get("/fake-ext/report").json()

    assert report["started_tasks"] == ["task(ext-1)"]
    assert report["before_process_tasks"] == ["task(ext-1)"]


def test_sigterm_runs_script_unloaded_and_exits_zero(start_standin, fake_extension):
    server = start_standin(extensions=[fake_extension])

    assert server.stop() == 0
    assert "[fake-ext] script unloaded" in server.log_text()


@pytest.mark.parametrize("nowebui", [True, False], ids=["nowebui", "ui"])
def test_middleware_added_in_on_app_started_is_outside_a1111_error_handling(start_standin, fake_extension, nowebui):
    server = start_standin(extensions=[fake_extension], nowebui=nowebui)

    with server.client() as client:
        client.post("/sdapi/v1/txt2img", json=txt2img_body())
        client.post("/sdapi/v1/txt2img", json=txt2img_body(steps="abc"))
        client.post("/sdapi/v1/txt2img", json=txt2img_body(prompt="STANDIN_RAISE"))
        statuses = client.get("/fake-ext/report").json()["statuses"]

    assert statuses == [["/sdapi/v1/txt2img", 200], ["/sdapi/v1/txt2img", 422], ["/sdapi/v1/txt2img", 500]]


def test_folders_in_data_dir_extensions_are_loaded_too(start_standin, tmp_path):
    from .fake_extension import write_fake_extension

    extension = write_fake_extension(tmp_path / "data" / "extensions" / "sd-fake-ext")
    server = start_standin("--data-dir", str(tmp_path / "data"))

    with server.client() as client:
        loads = client.get("/fake-ext/report").json()["loads"]
    assert [load["basedir"] for load in loads] == [str(extension), str(extension)]
