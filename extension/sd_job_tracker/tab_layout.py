"""The "Job Tracker" tab's components and their events (Gradio 3.41 and 4.x public API only).

Imported only when the WebUI builds its UI. The handlers live in tab_handlers; the page's
auto-refresh lives in javascript/job_tracker.js, which clicks the Refresh button (elem_id jt_refresh).
"""
import gradio as gr

from . import tab_handlers as on
from . import tab_text


def build():
    with gr.Blocks(analytics_enabled=False) as ui:
        with gr.Row():
            enabled = gr.Checkbox(label="Enable tracking", value=False, elem_id="jt_enabled")
            retention = gr.Radio(tab_text.RETENTION_CHOICES, value="Off", label="Retention", elem_id="jt_retention")
            purge = gr.Button("Purge Now", variant="stop", elem_id="jt_purge")
        with gr.Row():
            settings_note = gr.Textbox(label="Settings", lines=2, interactive=False, elem_id="jt_settings_note")
            purge_note = gr.Textbox(label="Last purge", interactive=False, elem_id="jt_purge_note")
        with gr.Row():
            status = gr.Radio(tab_text.STATUS_CHOICES, value="All", label="Status", elem_id="jt_status")
            search = gr.Textbox(label="Search", placeholder="Job ID or prompt text, then Enter", elem_id="jt_search")
            page_size = gr.Dropdown(tab_text.PAGE_SIZES, value=str(on.DEFAULT_PAGE_SIZE), label="Jobs per page",
                                    elem_id="jt_page_size")
        with gr.Row():
            previous = gr.Button("◀ Newer", elem_id="jt_previous")
            page = gr.Number(value=1, precision=0, minimum=1, label="Page", elem_id="jt_page")
            following = gr.Button("Older ▶", elem_id="jt_next")
            page_caption = gr.Textbox(label="Jobs", interactive=False, elem_id="jt_page_caption")
            refresh = gr.Button("Refresh", elem_id="jt_refresh")
        thumbs = gr.Gallery(label="First image of each job (click to open)", columns=8, height=200,
                            object_fit="contain", allow_preview=False, elem_id="jt_thumbs")
        jobs = gr.Dataframe(headers=tab_text.HEADERS, datatype=["str", "str", "number", "str", "str", "str", "str"],
                            type="array", interactive=False, wrap=True, elem_id="jt_jobs")
        page_state = gr.State(dict(on.EMPTY_STATE))
        with gr.Row():
            with gr.Column(scale=3):
                images = gr.Gallery(label="Images", columns=3, height=480, object_fit="contain", elem_id="jt_detail_images")
            with gr.Column(scale=2):
                with gr.Row():
                    job_id = gr.Textbox(label="Job ID (type one and press Enter to open it)", show_copy_button=True,
                                        max_lines=1, elem_id="jt_job_id")
                    job_status = gr.Textbox(label="Status", interactive=False, max_lines=1, elem_id="jt_job_status")
                    cancel = gr.Button("Cancel job", variant="stop", visible=False, elem_id="jt_cancel")
                prompt = gr.Textbox(label="Prompt", lines=3, interactive=False, show_copy_button=True, elem_id="jt_prompt")
                negative = gr.Textbox(label="Negative prompt", lines=2, interactive=False, elem_id="jt_negative")
                info = gr.Textbox(label="Generation info", lines=6, interactive=False, elem_id="jt_info")
                error = gr.Textbox(label="Error", lines=2, interactive=False, visible=False, elem_id="jt_error")

        table_inputs = [status, search, page, page_size, page_state]
        table_outputs = [thumbs, jobs, page_caption, page, page_state]
        settings_outputs = [enabled, retention, settings_note]
        detail_outputs = [job_id, job_status, images, prompt, negative, info, error, cancel]

        # Events that may leave a stale thumbnail selection are chained to restore_thumbnails (see
        # tab_thumbnail_selection). The auto-refresh (javascript/job_tracker.js clicks jt_refresh every
        # 5 s) shows no progress overlay, which would make the table flicker; "hidden" means the same in
        # Gradio 3.41 and 4.x.
        quiet = {"show_progress": "hidden"}

        def restoring(event):
            event.then(on.restore_thumbnails, inputs=[page_state], outputs=[thumbs, page_state], **quiet)

        restoring(ui.load(on.load, inputs=table_inputs, outputs=settings_outputs + table_outputs))
        restoring(refresh.click(on.refresh, inputs=table_inputs, outputs=table_outputs, **quiet))
        for change in (status.change, page_size.change, search.submit):
            restoring(change(on.first_page, inputs=[status, search, page_size, page_state], outputs=table_outputs))
        restoring(previous.click(on.previous_page, inputs=table_inputs, outputs=table_outputs))
        restoring(following.click(on.next_page, inputs=table_inputs, outputs=table_outputs))
        restoring(page.submit(on.go_to_page, inputs=table_inputs, outputs=table_outputs))
        restoring(jobs.select(on.select_row, inputs=[page_state], outputs=detail_outputs + [thumbs, page_state]))
        thumbs.select(on.select_thumbnail, inputs=[page_state], outputs=detail_outputs + [page_state])
        restoring(job_id.submit(on.open_job, inputs=[job_id, page_state], outputs=detail_outputs + [thumbs, page_state]))
        cancel.click(on.cancel_job, inputs=[job_id], outputs=detail_outputs)
        # .input fires on the user's own changes only, not when page load sets the values.
        enabled.input(on.set_tracking, inputs=[enabled], outputs=settings_outputs)
        retention.input(on.set_retention, inputs=[retention], outputs=settings_outputs)
        restoring(purge.click(on.purge_now, inputs=table_inputs, outputs=[purge_note] + table_outputs))
    return ui
