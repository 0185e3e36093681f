"""A test extension loaded after Job Tracker: while armed, it holds the building of a job's answer with its images
(the core call, sd_job_tracker.job_routes.answer) until released, so a test can ask the WebUI for something else in
the middle of it. If that answer were built on the event loop, nothing else would be answered meanwhile.

    POST /test/job-answers/arm      the next job answers with images wait in the middle of being built
    GET  /test/job-answers          -> {"building": n}   answers waiting right now
    POST /test/job-answers/release  let them finish (and disarm)
"""
import threading

from modules import script_callbacks
from sd_job_tracker import job_routes

HOLD_LIMIT_SECONDS = 60  # a test that never releases does not hang the server for ever

_changed = threading.Condition()
_armed = False
_building = 0
_answer = job_routes.answer


def _held_answer(core, route, params, scope):
    global _building
    with _changed:
        holding = _armed and route == job_routes.JOB and b"images=false" not in scope.get("query_string", b"")
        if holding:
            _building += 1
            _changed.notify_all()
            if not _changed.wait_for(lambda: not _armed, timeout=HOLD_LIMIT_SECONDS):
                print("[held-job-answer] never released; going on", flush=True)
            _building -= 1
    return _answer(core, route, params, scope)


def _set_armed(value: bool) -> dict:
    global _armed
    with _changed:
        _armed = value
        _changed.notify_all()
        return {"building": _building}


def on_app_started(demo, app):
    async def building():
        with _changed:
            return {"building": _building}

    async def arm():
        return _set_armed(True)

    async def release():
        return _set_armed(False)

    app.add_api_route("/test/job-answers", building, methods=["GET"])
    app.add_api_route("/test/job-answers/arm", arm, methods=["POST"])
    app.add_api_route("/test/job-answers/release", release, methods=["POST"])


job_routes.answer = _held_answer
script_callbacks.on_app_started(on_app_started)
