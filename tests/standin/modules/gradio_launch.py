"""What gradio's demo.launch(prevent_thread_lock=True) leaves behind in A1111 UI mode.

A FastAPI app with gradio's wide-open CORS, already served by uvicorn in a thread, which has
answered one request (gradio's startup-events call), so Starlette has built its middleware stack.
"""
import http.client

from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from starlette.middleware.cors import CORSMiddleware

from modules import standin_flavour, standin_forge, uvicorn_runner

_PAGE = """<!doctype html>
<html><head><title>Stable Diffusion (stand-in)</title></head>
<body><h1>Stand-in WebUI</h1><p>No UI here: this process only imitates A1111 for tests.</p>
<ul>{tabs}</ul></body></html>
"""


def create_app(demo):
    if standin_flavour.is_forge():
        # Forge webui.py:113-117 passes its exception handler in gradio's app_kwargs.
        app = FastAPI(docs_url="/docs", redoc_url="/redoc", exception_handlers={Exception: standin_forge.handle_exception})
        standin_forge.add_sse_route(app)
    else:
        app = FastAPI(docs_url="/docs", redoc_url="/redoc")
    app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["*"], allow_headers=["*"])

    async def main_page():
        tabs = "".join(f"<li>{title}</li>" for _, title, _ in getattr(demo, "extension_tabs", []))
        return HTMLResponse(_PAGE.format(tabs=tabs))

    async def ping():
        return {}

    app.add_api_route("/", main_page, methods=["GET"], include_in_schema=False)
    app.add_api_route("/internal/ping", ping, methods=["GET"])
    return app


def _self_request(host, port, path):
    connect_to = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host
    connection = http.client.HTTPConnection(connect_to, port, timeout=10)
    try:
        connection.request("GET", path)
        connection.getresponse().read()
    finally:
        connection.close()


def launch(demo, host, port, *, timeout_keep_alive):
    """Serve a new app in the background and return (app, uvicorn server)."""
    app = create_app(demo)
    server = uvicorn_runner.start_in_thread(app, host, port, timeout_keep_alive=timeout_keep_alive)
    _self_request(host, port, "/internal/ping")
    return app, server
