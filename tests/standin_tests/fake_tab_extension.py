"""Writes an A1111 extension whose on_ui_tabs builds a small "Job Tracker"-like tab with gradio.

The tab: a status Radio, a Refresh Button, a jobs Dataframe, a summary Markdown, a hidden title
Textbox and a Gallery; Refresh (and the page load) fills the table, selecting a row shows that
job's images. `extra_ui` is code run inside the Blocks, for tests that add something.
"""
import textwrap
from pathlib import Path

from PIL import Image

TAB_SCRIPT = '''\
from pathlib import Path

import gradio as gr
from PIL import Image
from modules import script_callbacks

IMAGES = Path(__file__).resolve().parents[1] / "images"
JOBS = [["A1", "completed", 2], ["B2", "failed", 0], ["C3", "completed", 1], ["D4", "completed", 1]]


def list_jobs(status):
    if status == "explode":
        raise gr.Error("status filter exploded on purpose")
    rows = [row for row in JOBS if status in ("all", row[1])]
    gr.Info(f"{{len(rows)}} jobs")
    return rows, f"**{{len(rows)}}** job(s)"


def show_job(evt: gr.SelectData, table):
    job_id, status, count = table[evt.index[0]]
    items = [(str(IMAGES / f"{{job_id}}-{{i}}.png"), f"{{job_id}} #{{i}}") for i in range(count)]
    if job_id == "C3":
        items.append(Image.new("RGB", (4, 4), (255, 0, 0)))
    return items, gr.update(value=f"Job {{job_id}} ({{evt.value}})", visible=True)


def on_ui_tabs():
    with gr.Blocks(analytics_enabled=False) as ui:
        with gr.Row():
            status = gr.Radio(["all", "completed", "failed", "explode"], value="all", label="Status",
                              elem_id="jt_status")
            refresh = gr.Button("Refresh", variant="primary", elem_id="jt_refresh")
        jobs = gr.Dataframe(headers=["id", "status", "images"], datatype=["str", "str", "number"], type="array",
                            interactive=False, elem_id="jt_jobs")
        summary = gr.Markdown(elem_id="jt_summary")
        title = gr.Textbox(visible=False, elem_id="jt_title")
        gallery = gr.Gallery(label="Images", columns=4, height=320, object_fit="contain", elem_id="jt_gallery")
        refresh.click(list_jobs, inputs=[status], outputs=[jobs, summary])
        jobs.select(show_job, inputs=[jobs], outputs=[gallery, title])
        ui.load(list_jobs, inputs=[status], outputs=[jobs, summary])
{extra_ui}
    return [(ui, "Job Tracker", "job_tracker")]


script_callbacks.on_ui_tabs(on_ui_tabs)
'''


def write_fake_tab_extension(folder: Path, extra_ui: str = "") -> Path:
    """The extension folder; images exist for A1 (two) and C3 (one), D4's one is missing on purpose."""
    (folder / "scripts").mkdir(parents=True)
    (folder / "images").mkdir()
    for name in ("A1-0", "A1-1", "C3-0"):
        Image.new("RGB", (4, 4), (0, 128, 255)).save(folder / "images" / f"{name}.png")
    body = textwrap.indent(textwrap.dedent(extra_ui), " " * 8)
    (folder / "scripts" / "job_tab.py").write_text(TAB_SCRIPT.format(extra_ui=body))
    return folder
