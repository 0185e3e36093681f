"""Stand-in for AUTOMATIC1111's webui.py: loads extensions and serves the API the way A1111 does.

    /usr/bin/python3 tests/standin/webui.py --api --nowebui --port 7861 [--extension PATH]...

Prints "Running on local URL:  http://<host>:<port>" once requests can be served (after
on_app_started in both modes). SIGTERM or SIGINT runs the on_script_unloaded callbacks and exits 0.
"""
import os
import shlex
import signal
import sys
import threading

WEBUI_ROOT = os.path.dirname(os.path.realpath(__file__))
if WEBUI_ROOT not in sys.path:
    sys.path.insert(0, WEBUI_ROOT)


def _host(cmd_opts):
    # A1111 --nowebui passes None (every interface) when neither flag is given; we stay on loopback.
    if cmd_opts.server_name:
        return cmd_opts.server_name
    return "0.0.0.0" if cmd_opts.listen else "127.0.0.1"


def initialize():
    """Run the extensions' installers, import their scripts, "load" the model."""
    from modules import extensions, launch_utils, scripts, sd_models, standin_flavour, ui_tempdir
    from modules.shared import cmd_opts

    if not standin_flavour.is_sdnext():  # A1111 modules/gradio_extensons.py:83, at start-up
        ui_tempdir.install_ui_tempdir_override()
    if standin_flavour.is_forge():
        import modules_forge  # noqa: F401 - Forge webui.py:12-13 imports its package first thing

    found = extensions.list_extensions(cmd_opts.extension, disable_all=cmd_opts.disable_all_extensions)
    if not cmd_opts.skip_install:
        for extension in found:
            launch_utils.run_extension_installer(extension.path)
    scripts.load_scripts([e.path for e in extensions.active()])
    sd_models.load_model()


def api_only():
    from fastapi import FastAPI

    from modules import (initialize_util, script_callbacks, standin_admission, standin_event_streams, standin_flavour, standin_forge,
                         standin_generations, standin_ui_api, uvicorn_runner)
    from modules.api.api import Api
    from modules.call_queue import queue_lock
    from modules.shared import cmd_opts

    # Forge webui.py:53 gives the API-only app its exception handler.
    app = FastAPI(exception_handlers={Exception: standin_forge.handle_exception}) if standin_flavour.is_forge() else FastAPI()
    initialize_util.setup_middleware(app)
    Api(app, queue_lock)
    standin_generations.setup_standin_api(app)
    standin_admission.setup_standin_api(app)
    standin_event_streams.setup(app)
    standin_ui_api.setup_standin_ui_api(app, "nowebui")
    script_callbacks.before_ui_callback()
    script_callbacks.app_started_callback(None, app)

    host, port = _host(cmd_opts), cmd_opts.port or 7861
    uvicorn_runner.run_blocking(app, host, port, timeout_keep_alive=cmd_opts.timeout_keep_alive,
                                on_ready=lambda: uvicorn_runner.announce_ready(host, port))
    script_callbacks.script_unloaded_callback()


def _wait_for_stop_signal():
    stop = threading.Event()

    def request_stop(signum, frame):
        stop.set()

    signal.signal(signal.SIGTERM, request_stop)
    signal.signal(signal.SIGINT, request_stop)
    while not stop.wait(0.5):
        pass


def webui():
    from modules import (gradio_launch, initialize_util, progress, script_callbacks, shared, standin_admission, standin_event_streams,
                         standin_generations, standin_ui_api, ui, uvicorn_runner)
    from modules.api.api import Api
    from modules.call_queue import queue_lock
    from modules.shared import cmd_opts

    script_callbacks.before_ui_callback()
    shared.demo = ui.create_ui()

    host, port = _host(cmd_opts), cmd_opts.port or 7860
    app, server = gradio_launch.launch(shared.demo, host, port, timeout_keep_alive=cmd_opts.timeout_keep_alive)

    # From here on the server is live, exactly as in A1111: requests may arrive during this setup.
    app.user_middleware = [x for x in app.user_middleware if x.cls.__name__ != "CORSMiddleware"]
    initialize_util.setup_middleware(app)
    progress.setup_progress_api(app)
    if cmd_opts.api:
        Api(app, queue_lock)
    standin_generations.setup_standin_api(app)
    standin_admission.setup_standin_api(app)
    standin_event_streams.setup(app)
    standin_ui_api.setup_standin_ui_api(app, "ui")
    script_callbacks.app_started_callback(shared.demo, app)
    uvicorn_runner.announce_ready(host, port)

    _wait_for_stop_signal()
    script_callbacks.script_unloaded_callback()
    uvicorn_runner.stop_thread_server(server)


def main():
    from modules import cmd_args

    cmd_args.parser.parse_args()  # exits with argparse's message on an unknown flag
    from modules.shared import cmd_opts

    print(f"Launching Web UI with arguments: {shlex.join(sys.argv[1:])}", flush=True)
    initialize()
    if cmd_opts.nowebui:
        api_only()
    else:
        webui()
    return 0


if __name__ == "__main__":
    sys.exit(main())
