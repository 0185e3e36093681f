"""What only one of Gradio 3.41 (A1111) and 4.x (Forge) accepts still works, and leaves a warning."""
import pytest

from .fake_tab_extension import write_fake_tab_extension

NOT_PORTABLE_UI = '''
legacy = gr.Gallery(elem_id="jt_legacy", grid=4)
copy = gr.Button("Copy", elem_id="jt_copy")
copy.click(None, _js="() => 0")
gr.Dropdown([("One", 1), ("Two", 2)], value=1, elem_id="jt_pairs")
gr.Radio(["a", "b"], value="c", elem_id="jt_bad_radio")
rename = gr.Button("Rename columns", elem_id="jt_rename")
rename.click(lambda: gr.update(headers=["x", "y", "z"]), outputs=[jobs])
'''


@pytest.fixture(scope="module")
def ui(tmp_path_factory):
    from support.gradio_client import GradioStandin
    from support.standin_server import StandinServer

    folder = tmp_path_factory.mktemp("portability")
    extension = write_fake_tab_extension(folder / "sd-fake-tab", extra_ui=NOT_PORTABLE_UI)
    with StandinServer(extensions=[extension], nowebui=False, log_path=folder / "webui.log") as server:
        with GradioStandin(server.base_url) as client:
            client.script = extension / "scripts" / "job_tab.py"
            yield client


def line_of(path, text):
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def warnings_named(ui, name):
    return [w for w in ui.config()["portability_warnings"] if w["name"] == name]


def test_a_kwarg_outside_the_common_set_is_accepted_with_a_warning(ui):
    [warning] = warnings_named(ui, "grid")

    assert warning["kind"] == "kwarg" and warning["component"].startswith("Gallery #")
    assert "elem_id='jt_legacy'" in warning["component"]
    assert warning["where"] == f"{ui.script}:{line_of(ui.script, 'jt_legacy')}"  # the line that passed it
    assert ui.component("jt_legacy")["props"]["grid"] == 4


def test_a_version_only_listener_keyword_is_a_warning(ui):
    [warning] = warnings_named(ui, "_js")

    assert warning["kind"] == "listener_kwarg" and "Gradio 3.x only" in warning["message"]
    [dependency] = [d for d in ui.config()["dependencies"] if d["trigger"]["elem_id"] == "jt_copy"]
    assert dependency["js"] == "() => 0" and dependency["fn"] is None


def test_dropdown_choice_pairs_are_a_warning(ui):
    [warning] = warnings_named(ui, "choices")

    assert warning["kind"] == "kwarg_value" and "elem_id='jt_pairs'" in warning["component"]


def test_a_radio_value_outside_its_choices_is_a_value_error(ui):
    [error] = ui.config()["value_errors"]

    assert error["kind"] == "invalid_value" and "elem_id='jt_bad_radio'" in error["component"]
    assert "'c' is not one of the choices" in error["message"]


def test_an_update_kwarg_outside_the_common_set_warns_when_it_is_returned(ui):
    assert warnings_named(ui, "headers") == []

    ui.run("jt_rename")

    [warning] = warnings_named(ui, "headers")
    assert warning["kind"] == "update_kwarg" and "job_tab.py" in warning["where"]
