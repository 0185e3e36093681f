"""/standin/gradio: the recorded UI, and its event handlers run the way Gradio's front end runs them.

Standing in for Gradio's own /config and /run/predict (served in both modes, since A1111 builds
the UI in both; only UI mode serves it to a browser, see "mode" in the config):

    GET  /standin/gradio/config  -> the component tree, the dependencies, the stand-in's warnings
    POST /standin/gradio/run     {"trigger": elem_id or id, "event": "click", "inputs": [...],
                                  "event_data": {...}} -> {"outputs", "error", "events"}
    POST /standin/gradio/load    -> {"events": [...]}, what opening the page runs

With --gradio-auth these demand HTTP Basic with one of its credentials (401 otherwise), standing in
for Gradio's login, which covers the UI and nothing else: --api-auth does not apply here.
"""
import secrets
import traceback
from typing import Any, Dict, List, Optional

from fastapi import Depends, HTTPException
from fastapi.responses import JSONResponse
from fastapi.security import HTTPBasic, HTTPBasicCredentials
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from gradio import config as gradio_config
from gradio.running.event_runner import BadEventRequest, EventRunner
from gradio.running.triggers import find_block
from modules import errors, initialize_util, ui


class RunRequest(BaseModel):
    trigger: Any
    event: str = "click"
    inputs: Optional[List[Any]] = None
    event_data: Optional[Dict[str, Any]] = None


def _login_check(credentials_by_user):
    basic = HTTPBasic(auto_error=False)

    def check(credentials: Optional[HTTPBasicCredentials] = Depends(basic)):
        if credentials is not None:
            expected = credentials_by_user.get(credentials.username)
            if expected is not None and secrets.compare_digest(credentials.password, expected):
                return
        raise HTTPException(status_code=401, detail="Not authenticated", headers={"WWW-Authenticate": "Basic"})

    return check


def _demo():
    if ui.last_built_demo is None:
        raise HTTPException(status_code=404, detail="no UI has been built")
    return ui.last_built_demo


def _runner(demo):
    runner = getattr(demo, "standin_runner", None)
    if runner is None:
        runner = demo.standin_runner = EventRunner(demo)
    return runner


def _crash_response(what):
    errors.report(f"Error in {what}", exc_info=True)
    return JSONResponse(status_code=500, content={"outputs": None, "error": traceback.format_exc().splitlines()[-1],
                                                  "traceback": traceback.format_exc()})


def setup_standin_ui_api(app, mode):
    """Add the routes; `mode` ("ui" or "nowebui") is reported in the config."""
    credentials = {}
    for credential in initialize_util.get_gradio_auth_creds():
        if len(credential) != 2:
            raise ValueError(f"--gradio-auth: {credential[0]!r} is not user:password")
        credentials[credential[0]] = credential[1]
    guard = [Depends(_login_check(credentials))] if credentials else []

    async def config():
        demo = _demo()
        return gradio_config.describe_blocks(demo, extension_tabs=getattr(demo, "extension_tab_items", []), mode=mode)

    async def run(request: RunRequest):
        demo = _demo()
        try:
            target = find_block(demo, request.trigger)
            if request.event == "select" and request.event_data is None:
                raise BadEventRequest("a select event needs event_data, e.g. {\"index\": 0, \"value\": ...}")
            events = await run_in_threadpool(_runner(demo).run_event, target, request.event, request.inputs,
                                             request.event_data)
        except BadEventRequest as e:
            raise HTTPException(status_code=400, detail=str(e)) from e
        except Exception:
            return _crash_response(f"{request.event} event of {request.trigger!r}")
        if not events:  # e.g. a click on the thumbnail a Gallery already holds selected: Gradio sends nothing
            return {"outputs": None, "error": None, "events": []}
        return {"outputs": events[0]["outputs"], "error": events[0]["error"], "events": events}

    async def load():
        try:
            events = await run_in_threadpool(_runner(_demo()).run_page_load)
        except Exception:
            return _crash_response("page load events")
        return {"events": events}

    app.add_api_route("/standin/gradio/config", config, methods=["GET"], dependencies=guard)
    app.add_api_route("/standin/gradio/run", run, methods=["POST"], dependencies=guard)
    app.add_api_route("/standin/gradio/load", load, methods=["POST"], dependencies=guard)
