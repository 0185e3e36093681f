"""The tab's event handlers: each reads its inputs, asks the .NET core, and returns gr.update()s.

Imported only when the WebUI builds its UI (gradio is imported here, never at package import).
No `from __future__ import annotations`: Gradio finds the gr.SelectData argument by its real annotation.
"""
import json

import gradio as gr

from . import cancellation, core, host_auth, tab_text, tab_thumbnail_selection, thumbnails
from .log import log

NOT_RUNNING = "the Job Tracker core is not running (see the WebUI log)"
DEFAULT_PAGE_SIZE = 25
EMPTY_STATE = {"ids": [], "signature": None, "thumbs": [], "thumb_selected": None, "restore": False}


def tracker():
    """The running core; the tab may be built before on_app_started, so start it here if needed."""
    running = core.current()
    if running is not None or core.failure() is not None:
        return running
    return core.start(host_auth.read().credentials)


def _number(value, default: int) -> int:
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return default


# ---- the jobs table: outputs (thumbnails, table, page caption, page number, state) ----

def table(status, search, page, page_size, state, force=False, shown=None):
    """`shown` is the page number the page displays: only a different one is sent back (None: always)."""
    running = tracker()
    requested = max(1, _number(page, 1))
    answer = (running.job_page(status, search, requested, _number(page_size, DEFAULT_PAGE_SIZE))
              if running is not None else {"error": "TrackerUnavailable", "detail": NOT_RUNNING})
    if tab_text.is_error(answer):
        thumbs, state = tab_thumbnail_selection.forget_selection(state, replacement=[])
        return thumbs, tab_text.table({}), tab_text.page_caption(answer), gr.update(), {**state, **_page_state([], None)}
    jobs = answer["jobs"]
    signature = json.dumps([answer["page"], answer["pages"], answer["total"],
                            [[j["id"], j["status"], j["image_count"], j["started"], j["finished"]] for j in jobs]])
    page_update = gr.update(value=answer["page"]) if shown is None or answer["page"] != _number(shown, 0) else gr.update()
    if not force and isinstance(state, dict) and state.get("signature") == signature:
        # Nothing changed: leave the gallery and table alone, so the page does not flicker.
        return gr.update(), gr.update(), gr.update(), page_update, state
    items = []
    for job in jobs:
        path = thumbnails.ensure(job["first_image"], job["thumbnail"])
        items.append([str(path) if path else None, tab_text.thumbnail_caption(job)])
    thumbs, state = tab_thumbnail_selection.forget_selection(state, tab_thumbnail_selection.gallery(items))
    return (thumbs, tab_text.table(answer), tab_text.page_caption(answer), page_update,
            {**state, **_page_state(jobs, signature, items)})


def _page_state(jobs, signature, items=()):
    return {"ids": [job["id"] for job in jobs], "signature": signature, "thumbs": list(items)}


def restore_thumbnails(state):
    return tab_thumbnail_selection.restore(state)


def refresh(status, search, page, page_size, state):
    return table(status, search, page, page_size, state, shown=page)


def first_page(status, search, page_size, state):
    return table(status, search, 1, page_size, state, force=True)


def previous_page(status, search, page, page_size, state):
    return table(status, search, max(1, _number(page, 1) - 1), page_size, state, force=True)


def next_page(status, search, page, page_size, state):
    return table(status, search, _number(page, 1) + 1, page_size, state, force=True)


def go_to_page(status, search, page, page_size, state):
    return table(status, search, page, page_size, state, force=True, shown=page)


# ---- settings: outputs (tracking checkbox, retention radio, settings note) ----

def settings_outputs(report):
    if "tracking_enabled" not in report:
        note = tab_text.settings_note(report) if tab_text.is_error(report) else NOT_RUNNING
        return gr.update(interactive=False), gr.update(interactive=False), note
    pinned = report.get("pinned") or {}
    label = tab_text.retention_label(report["retention_days"])
    choices = tab_text.RETENTION_CHOICES if label in tab_text.RETENTION_CHOICES else [label, *tab_text.RETENTION_CHOICES]
    enabled = gr.update(value=bool(report["tracking_enabled"]), interactive=not pinned.get("tracking_enabled"),
                        label=_pinned_label("Enable tracking", pinned.get("tracking_enabled")))
    retention = gr.update(value=label, choices=choices, interactive=not pinned.get("retention_days"),
                          label=_pinned_label("Retention", pinned.get("retention_days")))
    return enabled, retention, tab_text.settings_note(report)


def _pinned_label(label, variable):
    return f"{label} (set by {variable})" if variable else label


def _settings_call(call):
    running = tracker()
    return settings_outputs(call(running) if running is not None else {"error": "TrackerUnavailable", "detail": NOT_RUNNING})


def set_tracking(enabled):
    return _settings_call(lambda running: running.set_tracking(bool(enabled)))


def set_retention(label):
    try:
        days = tab_text.retention_days(label)
    except ValueError:
        log(f"ignored an unknown retention choice {label!r:.40}")
        return _settings_call(lambda running: running.settings())
    return _settings_call(lambda running: running.set_retention(days))


# ---- page load and purge ----

def load(status, search, page, page_size, state):
    return (*_settings_call(lambda running: running.settings()), *table(status, search, page, page_size, state, force=True, shown=page))


def purge_now(status, search, page, page_size, state):
    running = tracker()
    result = running.purge_now() if running is not None else {"error": "TrackerUnavailable", "detail": NOT_RUNNING}
    return (tab_text.purge_report(result), *table(status, search, page, page_size, state, force=True, shown=page))


# ---- the job detail: outputs (ID, status, images, prompt, negative prompt, info, error, Cancel button) ----

UNFINISHED = ("Pending", "Processing")


def detail(job_id):
    job_id = (job_id or "").strip()
    running = tracker()
    view = running.job_view(job_id) if running is not None else {"error": "TrackerUnavailable", "detail": NOT_RUNNING}
    if tab_text.is_error(view):
        return (job_id, "", [], "", "", "", gr.update(value=view.get("detail", view["error"]), visible=True),
                gr.update(visible=False))
    count = len(view["images"])
    images = [(_full_image(path), f"{view['id']} · {n + 1} of {count}") for n, path in enumerate(view["images"])]
    images = [(image, caption) for image, caption in images if image is not None]
    return (view["id"], view["status"], images, view["prompt"], view["negative_prompt"], tab_text.generation_info(view),
            gr.update(value=view["error"] or "", visible=bool(view["error"])), gr.update(visible=view["status"] in UNFINISHED))


def cancel_job(job_id):
    """The Cancel button: the core decides and cancellation acts, as for POST /sdapi/v1/job/{id}/cancel; then the
    detail again, with the core's word in the error box when the job is not ended yet (202) or was refused."""
    job_id = (job_id or "").strip()
    running = tracker()
    if running is None:
        return detail(job_id)
    reply = running.tab_cancel(job_id, cancellation.stop)
    shown = detail(job_id)
    if reply.status == 200:
        return shown
    note = tab_text.cancel_note(reply.status, reply.body)
    return (*shown[:6], gr.update(value=note, visible=True), shown[7])


def open_job(job_id, state):
    """A job opened by its ID: the detail, then (thumbnails, page state), see tab_thumbnail_selection."""
    return (*detail(job_id), *tab_thumbnail_selection.forget_selection(state))


def select_row(state, evt: gr.SelectData):
    # A click on the ID cell names the job even if the browser re-sorted the table; otherwise the row counts.
    if isinstance(state, dict) and evt.value in state.get("ids", []):
        return open_job(evt.value, state)
    index = evt.index[0] if isinstance(evt.index, (list, tuple)) else evt.index
    return open_job(_id_at(state, index), state)


def select_thumbnail(state, evt: gr.SelectData):
    """The detail, then the page state that remembers which thumbnail the gallery holds selected."""
    index = evt.index[0] if isinstance(evt.index, (list, tuple)) else evt.index
    return (*detail(_id_at(state, index)), tab_thumbnail_selection.selected(state, index))


def _id_at(state, index):
    ids = state.get("ids", []) if isinstance(state, dict) else []
    return ids[index] if isinstance(index, int) and 0 <= index < len(ids) else ""


def _full_image(path):
    return thumbnails.stored_image(path)  # served from the job's own file by A1111 and Forge, not re-encoded
