"""Task bookkeeping of A1111's modules.progress, and its /internal progress routes.

Callers read `current_task` through this module at call time: `from modules.progress import
current_task` copies the value once (A1111's api.py does exactly that, and so does ours).
"""
import random
import string
import time
from collections import OrderedDict

from pydantic import BaseModel, Field

from modules import shared

current_task = None
pending_tasks = OrderedDict()  # task id -> time it was queued
finished_tasks = []
recorded_results = []
recorded_results_limit = 2
finished_tasks_limit = 16


def start_task(id_task):
    global current_task
    current_task = id_task
    pending_tasks.pop(id_task, None)


def finish_task(id_task):
    global current_task
    if current_task == id_task:
        current_task = None
    finished_tasks.append(id_task)
    if len(finished_tasks) > finished_tasks_limit:
        finished_tasks.pop(0)


def create_task_id(task_type):
    suffix = "".join(random.choices(string.ascii_uppercase + string.digits, k=7))
    return f"task({task_type}-{suffix})"


def record_results(id_task, res):
    recorded_results.append((id_task, res))
    if len(recorded_results) > recorded_results_limit:
        recorded_results.pop(0)


def add_task_to_queue(id_job):
    pending_tasks[id_job] = time.time()


class ProgressRequest(BaseModel):
    id_task: str = Field(default=None, title="Task ID")
    id_live_preview: int = Field(default=-1, title="Live preview image ID")
    live_preview: bool = Field(default=True, title="Include live preview")


class ProgressResponse(BaseModel):
    active: bool = Field(title="Whether the task is being worked on right now")
    queued: bool = Field(title="Whether the task is in queue")
    completed: bool = Field(title="Whether the task has already finished")
    progress: float = Field(default=None, title="Progress from 0 to 1")
    eta: float = Field(default=None, title="ETA in secs")
    live_preview: str = Field(default=None, title="Live preview image (data: URI)")
    id_live_preview: int = Field(default=None, title="Live preview image ID")
    textinfo: str = Field(default=None, title="Info text used by WebUI.")


def setup_progress_api(app):
    app.add_api_route("/internal/pending-tasks", get_pending_tasks, methods=["GET"])
    return app.add_api_route("/internal/progress", progressapi, methods=["POST"], response_model=ProgressResponse)


def get_pending_tasks():
    ids = list(pending_tasks)
    return {"size": len(ids), "tasks": ids}


def progressapi(req: ProgressRequest):
    active = req.id_task == current_task
    queued = req.id_task in pending_tasks
    completed = req.id_task in finished_tasks

    if not active:
        textinfo = "Waiting..."
        if queued:
            in_order = sorted(pending_tasks.keys(), key=lambda x: pending_tasks[x])
            textinfo = f"In queue: {in_order.index(req.id_task) + 1}/{len(in_order)}"
        return ProgressResponse(active=active, queued=queued, completed=completed, id_live_preview=-1, textinfo=textinfo)

    state = shared.state
    job_count, job_no = state.job_count, state.job_no
    sampling_steps, sampling_step = state.sampling_steps, state.sampling_step

    progress = 0
    if job_count > 0:
        progress += job_no / job_count
    if sampling_steps > 0 and job_count > 0:
        progress += 1 / job_count * sampling_step / sampling_steps
    progress = min(progress, 1)

    elapsed = time.time() - state.time_start
    predicted_duration = elapsed / progress if progress > 0 else None
    eta = predicted_duration - elapsed if predicted_duration is not None else None

    # No live previews: the stand-in never has a current_image to show.
    return ProgressResponse(active=active, queued=queued, completed=completed, progress=progress, eta=eta,
                            live_preview=None, id_live_preview=req.id_live_preview, textinfo=state.textinfo)
