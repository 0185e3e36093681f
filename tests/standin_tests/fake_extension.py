"""Writes a minimal A1111 extension that reports, over HTTP, how the stand-in loaded it."""
from pathlib import Path

INSTALL_PY = '''\
import os
import launch

marker = os.path.join(os.path.dirname(os.path.abspath(__file__)), "installed.marker")
with open(marker, "a") as f:
    f.write(f"cwd={os.getcwd()}\\n")
print("[fake-ext] install.py ran; pytest installed:", launch.is_installed("pytest"))
launch.run_pip("install fake-ext-dependency", "fake-ext-dependency")
'''

STATE_PY = '''\
"""Imported normally, so it lives in sys.modules and survives the scripts' import."""
loads = []
started_tasks = []
before_process_tasks = []
statuses = []
'''

SCRIPT_A = '''\
import sys
import fakeext_state  # only importable because the extension folder is on sys.path during import
from modules import scripts

fakeext_state.loads.append({"file": "a_first.py", "name": __name__, "basedir": scripts.basedir(),
                            "path0": sys.path[0], "in_sys_modules": __name__ in sys.modules})
'''

SCRIPT_B = '''\
import os
import sys

import fakeext_state
import modules.api.api
import modules.progress
from modules import script_callbacks, scripts, shared

EXT_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
fakeext_state.loads.append({"file": "b_second.py", "name": __name__, "basedir": scripts.basedir(),
                            "path0": sys.path[0], "in_sys_modules": __name__ in sys.modules})


class FakeAlwaysOn(scripts.Script):
    def title(self):
        return "Fake always-on"

    def show(self, is_img2img):
        return scripts.AlwaysVisible

    def before_process(self, p, *args):
        fakeext_state.before_process_tasks.append(p.force_task_id)


def wrap_start_task(module):
    original = module.start_task

    def start_task(id_task):
        fakeext_state.started_tasks.append(id_task)
        return original(id_task)

    module.start_task = start_task


class StatusRecorder:
    """Pure ASGI middleware noting the status of every /sdapi response it lets through."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or not scope["path"].startswith("/sdapi"):
            return await self.app(scope, receive, send)

        async def recording_send(message):
            if message["type"] == "http.response.start":
                fakeext_state.statuses.append([scope["path"], message["status"]])
            await send(message)

        await self.app(scope, receive, recording_send)


def on_app_started(demo, app):
    wrap_start_task(modules.api.api)
    wrap_start_task(modules.progress)
    app.middleware_stack = None  # A1111's own pattern, safe even if a request already built the stack
    app.add_middleware(StatusRecorder)

    async def report():
        return {
            "demo_is_none": demo is None,
            "loads": fakeext_state.loads,
            "ext_dir_on_sys_path_now": EXT_DIR in sys.path,
            "started_tasks": fakeext_state.started_tasks,
            "before_process_tasks": fakeext_state.before_process_tasks,
            "statuses": fakeext_state.statuses,
        }

    app.add_api_route("/fake-ext/report", report, methods=["GET"])
    print("[fake-ext] app started, demo is None:", demo is None, flush=True)


def on_ui_settings():
    shared.opts.add_option("fake_ext_flag", shared.OptionInfo(True, "Fake flag").info("for tests").needs_reload_ui())


def broken_tab():
    raise ValueError("fake-ext tab exploded on purpose")


def on_unloaded():
    print("[fake-ext] script unloaded", flush=True)


script_callbacks.on_app_started(on_app_started)
script_callbacks.on_ui_settings(on_ui_settings)
script_callbacks.on_ui_tabs(broken_tab)
script_callbacks.on_script_unloaded(on_unloaded)
'''


def write_fake_extension(folder: Path) -> Path:
    (folder / "scripts").mkdir(parents=True)
    (folder / "install.py").write_text(INSTALL_PY)
    (folder / "fakeext_state.py").write_text(STATE_PY)
    # Written in reverse name order: the stand-in must still import them sorted by file name.
    (folder / "scripts" / "b_second.py").write_text(SCRIPT_B)
    (folder / "scripts" / "a_first.py").write_text(SCRIPT_A)
    return folder
