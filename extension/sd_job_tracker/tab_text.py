"""Plain text for the tab: table rows, captions, the settings note and the job detail.

Everything here is text shown by Dataframe cells and Textboxes, which never interpret HTML or
Markdown, so a prompt such as "<script>" reaches the page as the characters it is.
"""
from __future__ import annotations

import json
import time

HEADERS = ["ID", "Status", "Images", "Prompt", "Client IP", "Created", "Duration"]
PROMPT_CHARS = 80
RETENTION_CHOICES = ["30 days", "7 days", "3 days", "1 day", "Off"]
STATUS_CHOICES = ["All", "Pending", "Processing", "Completed", "Failed"]
PAGE_SIZES = ["10", "25", "50", "100"]
INFO_FIELDS = [("seed", "Seed"), ("sampler_name", "Sampler"), ("steps", "Steps"), ("cfg_scale", "CFG scale"),
               ("sd_model_name", "Model"), ("denoising_strength", "Denoising")]


def is_error(answer: dict) -> bool:
    """The core's error shape, {"error", "detail"}; a job's own "error" field is not one."""
    return "detail" in answer and "error" in answer


def shorten(text: str, limit: int = PROMPT_CHARS) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def when(seconds) -> str:
    if seconds is None:
        return ""
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(float(seconds)))


def duration(job: dict) -> str:
    if job.get("finished") is not None:
        begin = job.get("started") if job.get("started") is not None else job.get("created")
        return f"{max(0.0, job['finished'] - begin):.1f} s"
    return "running" if job.get("started") is not None else "queued"


def table(page: dict) -> dict:
    rows = [[job["id"], job["status"], job["image_count"], shorten(job["prompt"]), job["ip"], when(job["created"]),
             duration(job)] for job in page.get("jobs", [])]
    return {"headers": list(HEADERS), "data": rows}


def page_caption(page: dict) -> str:
    if is_error(page):
        return f"Job list unavailable: {page.get('detail', page['error'])}"
    total = page["total"]
    return f"Page {page['page']} of {page['pages']} · {total} job{'' if total == 1 else 's'}"


def thumbnail_caption(job: dict) -> str:
    count = job["image_count"]
    return f"{job['id']} · {job['status']} · {count} image{'' if count == 1 else 's'}"


def retention_label(days: int) -> str:
    if days <= 0:
        return "Off"
    return f"{days} day{'' if days == 1 else 's'}"


def retention_days(label: str) -> int:
    label = (label or "").strip()
    if label == "Off" or not label:
        return 0
    return int(label.split()[0])


def settings_note(settings: dict) -> str:
    if is_error(settings):
        return f"Settings unavailable: {settings.get('detail', settings['error'])}"
    pinned = settings.get("pinned") or {}
    lines = [f"Tracking is {'on' if settings['tracking_enabled'] else 'off'}; retention: "
             f"{retention_label(settings['retention_days']).lower()}. Saved in {settings.get('data_dir', '')}/config.json."]
    for key, what in (("tracking_enabled", "Tracking on/off"), ("retention_days", "Retention")):
        if pinned.get(key):
            lines.append(f"{what} is set by the environment variable {pinned[key]}: change or unset it and "
                         "restart the WebUI to change it.")
    if settings.get("message"):
        lines.append(settings["message"])
    return "\n".join(lines)


def purge_report(result: dict) -> str:
    if is_error(result):
        return f"Purge failed: {result.get('detail', result['error'])}"
    days = result["retention_days"]
    if days <= 0:
        return "Retention is Off, so jobs are kept forever: nothing was purged. Choose a retention first."
    jobs, files = result["jobs_removed"], result["files_removed"]
    return (f"Removed {jobs} job{'' if jobs == 1 else 's'} older than {retention_label(days)} and "
            f"{files} file{'' if files == 1 else 's'} (images, info, stored answers, thumbnails).")


def generation_info(view: dict) -> str:
    info = view.get("info") or {}
    lines = []
    if info.get("width") and info.get("height"):
        lines.append(f"Size: {info['width']}x{info['height']}")
    lines += [f"{label}: {info[key]}" for key, label in INFO_FIELDS if info.get(key) not in (None, "")]
    lines.append(f"Kind: {view.get('kind') or 'unknown'} · Client IP: {view.get('ip', '')}")
    lines.append(f"Created: {when(view.get('created'))} · Started: {when(view.get('started'))} · "
                 f"Finished: {when(view.get('finished'))} · Duration: {duration(view)}")
    infotexts = info.get("infotexts") or []
    if infotexts:
        lines += ["", str(infotexts[0])]
    return "\n".join(lines)


INTERRUPT_SENT = "Interrupt sent: the job ends as cancelled (with the images made so far) as soon as A1111 stops it."


def cancel_note(status: int, body: bytes) -> str:
    """What the tab says after Cancel when the job has not ended at once: the interrupt is on its way (202), or the
    core's refusal ({"error", "detail"})."""
    if status == 202:
        return INTERRUPT_SENT
    try:
        answer = json.loads(body)
    except ValueError:
        answer = {}
    detail = answer.get("detail") if isinstance(answer, dict) else None
    return str(detail) if detail else f"the job could not be cancelled (HTTP {status})"
