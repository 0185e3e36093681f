"""A test extension loaded after Job Tracker: while armed, it holds a core call in the middle of its work until
released, so a test can ask the WebUI for something else meanwhile. Were that call made on the event loop, nothing
else would be answered until the release (which then could not be sent either).

Hold points:
    begin    reading a txt2img/img2img request (TrackerCore.begin: the body parsed, the job's ID reserved)
    answer   building a job's answer with its images (sd_job_tracker.job_routes._answer_now, the call answer() makes)
    list     building a job list (the same call, for GET /sdapi/v1/jobs)
    image    reading an image file (the same call, for GET /sdapi/v1/job/{id}/images/{n})
    piece    recording a piece of A1111's answer that more pieces follow (an AppBody step through TrackerCore.step:
             A1111's answer comes through its own http middleware as the whole body, then an empty last piece)
    finish   storing A1111's result of a tracked request (the exchange's last AppBody step through TrackerCore.step:
             images decoded and written)
    end      ending a tracked request's exchange (its End step through TrackerCore.step: a job whose answer was not
             recorded is abandoned, a disk write)
    cancel   cancelling a job (TrackerCore.cancel: the core's decision, A1111 told, the cancel journaled)

    POST /test/hold/{point}/arm      the next such calls wait in the middle of their work
    GET  /test/hold/{point}          -> {"held": n}   calls waiting right now
    POST /test/hold/{point}/release  let them go on (and disarm)
"""
import threading

from modules import script_callbacks
from sd_job_tracker import core, job_routes

HOLD_LIMIT_SECONDS = 60  # a test that never releases does not hang the server for ever

_changed = threading.Condition()
_POINTS = ("begin", "answer", "list", "image", "piece", "finish", "end", "cancel")
_armed = {point: False for point in _POINTS}
_held = {point: 0 for point in _POINTS}


def _hold(point: str) -> None:
    with _changed:
        if not _armed[point]:
            return
        _held[point] += 1
        _changed.notify_all()
        if not _changed.wait_for(lambda: not _armed[point], timeout=HOLD_LIMIT_SECONDS):
            print(f"[held-core-calls] {point} never released; going on", flush=True)
        _held[point] -= 1


_answer = job_routes._answer_now
_step = core.TrackerCore.step
_begin = core.TrackerCore.begin
_cancel = core.TrackerCore.cancel
BODY_STEP = "record A1111's answer"  # tracked_exchange's words for reporting A1111's body
END_STEP = "end the exchange"  # and for its end


def _held_answer(tracker, route, params, scope):
    if route == job_routes.JOB and b"images=false" not in scope.get("query_string", b""):
        _hold("answer")
    elif route == job_routes.JOBS:
        _hold("list")
    elif route == job_routes.IMAGE:
        _hold("image")
    return _answer(tracker, route, params, scope)


def _held_step(self, what, method, *args):
    if what == BODY_STEP and args:
        # args: the piece's address, its length, whether more follows; the last piece makes the core store the result.
        _hold("piece" if args[-1] else "finish")
    elif what == END_STEP:
        _hold("end")
    return _step(self, what, method, *args)


def _held_begin(self, route, body, client, headers):
    _hold("begin")
    return _begin(self, route, body, client, headers)


def _held_cancel(self, job_id, client, headers, stop):
    _hold("cancel")
    return _cancel(self, job_id, client, headers, stop)


def _set_armed(point: str, value: bool) -> dict:
    with _changed:
        _armed[point] = value
        _changed.notify_all()
        return {"held": _held[point]}


def on_app_started(demo, app):
    for point in _armed:
        def routes(point=point):
            async def held():
                with _changed:
                    return {"held": _held[point]}

            async def arm():
                return _set_armed(point, True)

            async def release():
                return _set_armed(point, False)

            app.add_api_route(f"/test/hold/{point}", held, methods=["GET"])
            app.add_api_route(f"/test/hold/{point}/arm", arm, methods=["POST"])
            app.add_api_route(f"/test/hold/{point}/release", release, methods=["POST"])
        routes()


job_routes._answer_now = _held_answer
core.TrackerCore.step = _held_step
core.TrackerCore.begin = _held_begin
core.TrackerCore.cancel = _held_cancel
script_callbacks.on_app_started(on_app_started)
