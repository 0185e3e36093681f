"""Stand-in only (--standin-hold-admission): requests wait at the moment A1111 has read and validated them but not yet
queued their task, until a test opens the gate.

In A1111 that moment lies between `task_id = req.force_task_id or create_task_id(...)` and `add_task_to_queue(task_id)`
(modules/api/api.py:433-465 in text2imgapi, 493-535 in img2imgapi, v1.10.1): scripts, sampler and the processing
arguments are prepared there, and an infotext or a script may make it last. Holding it makes that state observable:

    GET  /standin/admission       -> {"held": n}   requests waiting to be queued right now
    POST /standin/admission/open  -> {"held": n}   let every held request (and every later one) through
"""
import threading

from modules import shared

HOLD_LIMIT_SECONDS = 120  # a test that never opens the gate does not hang the server's threads for ever

_changed = threading.Condition()
_held = 0
_open = False


def wait_to_be_queued() -> None:
    """Called by the API just before add_task_to_queue, on the request's worker thread."""
    global _held
    if not shared.cmd_opts.standin_hold_admission:
        return
    with _changed:
        _held += 1
        _changed.notify_all()
        try:
            if not _changed.wait_for(lambda: _open, timeout=HOLD_LIMIT_SECONDS):
                print(f"[stand-in] admission held for {HOLD_LIMIT_SECONDS} s without POST /standin/admission/open; "
                      "letting the request through", flush=True)
        finally:
            _held -= 1
            _changed.notify_all()


def held() -> int:
    with _changed:
        return _held


def setup_standin_api(app):
    async def admission():
        return {"held": held()}

    async def open_admission():
        global _open
        with _changed:
            _open = True
            _changed.notify_all()
            return {"held": _held}

    app.add_api_route("/standin/admission", admission, methods=["GET"])
    app.add_api_route("/standin/admission/open", open_admission, methods=["POST"])
