"""The recording gradio itself, in this process: Gradio's rules for building and for running events."""
import sys
from pathlib import Path

import pytest

STANDIN_ROOT = Path(__file__).resolve().parents[1] / "standin"


@pytest.fixture(scope="module")
def gr():
    sys.path.insert(0, str(STANDIN_ROOT))
    try:
        import gradio
    finally:
        sys.path.remove(str(STANDIN_ROOT))
    assert gradio.__version__ == "standin"
    return gradio


def run(blocks, target, event="click", inputs=None, event_data=None):
    from gradio.running.event_runner import EventRunner

    return EventRunner(blocks).run_event(target, event, inputs, event_data)[0]


def test_component_update_methods_are_gradio3_only_and_absent(gr):
    assert not hasattr(gr.Textbox, "update") and not hasattr(gr.Dataframe, "update")
    assert gr.update(visible=False, value="x") == {"__type__": "update", "visible": False, "value": "x"}


def test_listeners_outside_a_blocks_context_raise(gr):
    button = gr.Button("Go")

    with pytest.raises(AttributeError, match="outside of a gradio.Blocks context"):
        button.click(lambda: None)


def test_listener_keywords_neither_version_has_are_a_type_error(gr):
    with gr.Blocks() as demo:
        button = gr.Button("Go")
        with pytest.raises(TypeError, match="unexpected keyword argument 'foo'"):
            button.click(lambda: None, foo=1)
        button.click(lambda: None, js="() => 0")

    assert [w["name"] for w in demo.portability_warnings] == ["js"]


def test_signatures_keep_gradios_positional_and_required_arguments(gr):
    with pytest.raises(TypeError, match="positional"):
        gr.Textbox("a", "b")
    with pytest.raises(TypeError, match="missing required argument 'label'"):
        gr.Tab()
    assert gr.Slider(0, 10, 5).value == 5 and gr.Radio(["a", "b"]).choices == ["a", "b"]


def test_a_callable_value_runs_at_build_and_again_on_page_load(gr):
    from gradio.running.event_runner import EventRunner

    calls = []

    def current():
        calls.append(1)
        return f"call {len(calls)}"

    with gr.Blocks() as demo:
        box = gr.Textbox(current)

    assert box.value == "call 1"
    [loaded] = EventRunner(demo).run_page_load()
    assert loaded["outputs"] == ["call 2"] and box.value == "call 2"


def test_select_data_goes_where_the_annotation_is_even_as_a_string(gr):
    namespace = {"gr": gr}
    exec("from __future__ import annotations\n"
         "def picked(table, evt: gr.SelectData):\n"
         "    return f'{evt.index} {evt.value} {len(table)}'\n", namespace)
    with gr.Blocks() as demo:
        table = gr.Dataframe([["a"], ["b"]], type="array")
        out = gr.Textbox()
        table.select(namespace["picked"], inputs=[table], outputs=[out])

    result = run(demo, table, "select", event_data={"index": [1, 0], "value": "b"})

    assert result["outputs"] == ["[1, 0] b 2"]


def test_dataframe_input_needs_type_array_in_the_stand_in(gr):
    with gr.Blocks() as demo:
        table = gr.Dataframe([["a"]])
        button = gr.Button()
        button.click(lambda rows: None, inputs=[table])

    with pytest.raises(NotImplementedError, match="type='array'"):
        run(demo, button)


def test_an_empty_dataframe_list_drops_the_headers_as_gradio_3_does(gr):
    with gr.Blocks() as demo:
        table = gr.Dataframe(headers=["id", "status"], type="array")
        button = gr.Button()
        button.click(lambda: [], outputs=[table])

    assert run(demo, button)["outputs"] == [{"headers": [], "data": [[]]}]
    assert [w["kind"] for w in demo.portability_warnings] == ["version_difference"]


def test_too_few_output_values_is_gradios_error(gr):
    with gr.Blocks() as demo:
        first, second = gr.Textbox(), gr.Textbox()
        button = gr.Button()
        button.click(lambda: "only one", outputs=[first, second])

    with pytest.raises(ValueError, match="didn't receive enough output values"):
        run(demo, button)


def test_a_dict_of_components_sets_only_those(gr):
    with gr.Blocks() as demo:
        first, second = gr.Textbox("1"), gr.Textbox("2")
        button = gr.Button()
        button.click(lambda: {second: "changed"}, outputs=[first, second])

    assert run(demo, button)["outputs"] == [{"__type__": "update"}, "changed"]
    assert (first.value, second.value) == ("1", "changed")


def test_returning_a_component_as_an_update_is_gradio4_only_and_fails(gr):
    with gr.Blocks() as demo:
        box = gr.Textbox()
        button = gr.Button()
        button.click(lambda: gr.Textbox(visible=False, render=False), outputs=[box])

    with pytest.raises(TypeError, match="Gradio 4 only"):
        run(demo, button)


def test_then_runs_after_an_error_and_success_does_not(gr):
    def fail():
        raise gr.Error("nope")

    with gr.Blocks() as demo:
        box = gr.Textbox()
        button = gr.Button()
        clicked = button.click(fail, outputs=[box])
        clicked.then(lambda: "then ran", outputs=[box])
        clicked.success(lambda: "success ran", outputs=[box])

    from gradio.running.event_runner import EventRunner

    results = EventRunner(demo).run_event(button, "click")
    assert [(r["fn"], r["error"]) for r in results] == [("fail", "nope"), ("<lambda>", None)]
    assert box.value == "then ran"


def test_number_precision_and_state_stay_server_side(gr):
    with gr.Blocks() as demo:
        count = gr.Number(precision=0)
        memory = gr.State([])
        button = gr.Button()
        button.click(lambda items: (items + ["x"], 2.6), inputs=[memory], outputs=[memory, count])

    assert run(demo, button)["outputs"] == [None, 3]
    assert memory.value == ["x"] and count.value == 3


def test_a_nested_blocks_rendered_in_a_tab_hands_over_children_and_events(gr):
    with gr.Blocks() as tab_ui:
        button = gr.Button("Go")
        button.click(lambda: None)
    with gr.Blocks() as demo:
        with gr.Tabs():
            with gr.Tab("Ext", id="ext") as tab:
                tab_ui.render()

    assert tab.children == [button] and button.parent is tab
    assert len(demo.dependencies) == 1
    with pytest.raises(gr.DuplicateBlockError):
        tab_ui.render()


def test_a_file_gradio_4_would_not_serve_is_a_warning(gr, tmp_path, monkeypatch):
    import tempfile

    from gradio import media

    (tmp_path / "webui").mkdir()
    (tmp_path / "temp").mkdir()
    (tmp_path / "elsewhere").mkdir()
    picture = tmp_path / "elsewhere" / "a.png"
    picture.write_bytes(b"not really a png")
    monkeypatch.chdir(tmp_path / "webui")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "temp"))
    with gr.Blocks() as demo:
        gallery = gr.Gallery([str(picture)])

    assert [w["kind"] for w in demo.portability_warnings] == ["gradio4_path"]
    assert gallery.value == [{"path": str(picture), "url": None, "caption": None}]

    monkeypatch.setattr(media, "roots_inside_webui", [str(tmp_path / "elsewhere")])
    with gr.Blocks() as served:
        gr.Gallery([str(picture)])
    assert served.portability_warnings == []
