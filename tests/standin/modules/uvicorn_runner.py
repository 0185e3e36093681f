"""Serving an app with uvicorn: blocking (--nowebui) or in a background thread (UI mode, like gradio)."""
import threading
import time

import uvicorn


def announce_ready(host, port):
    """The line gradio prints, and the one test harnesses wait for."""
    print(f"Running on local URL:  http://{host}:{port}", flush=True)


class _ServerAnnouncingReady(uvicorn.Server):
    def __init__(self, config, on_ready):
        super().__init__(config)
        self._on_ready = on_ready

    async def startup(self, sockets=None):
        await super().startup(sockets=sockets)
        if self.started:  # the socket is listening: requests sent now are served
            self._on_ready()


class _ThreadedServer(uvicorn.Server):
    def install_signal_handlers(self):
        """The main thread owns the signals, as with gradio's launch(prevent_thread_lock=True)."""


def run_blocking(app, host, port, *, timeout_keep_alive, on_ready):
    """uvicorn.run() equivalent that calls on_ready() once listening; returns after SIGINT/SIGTERM."""
    config = uvicorn.Config(app, host=host, port=port, timeout_keep_alive=timeout_keep_alive)
    _ServerAnnouncingReady(config, on_ready).run()


def start_in_thread(app, host, port, *, timeout_keep_alive, log_level="warning"):
    """Start serving in a daemon thread and return the uvicorn.Server once it listens."""
    config = uvicorn.Config(app, host=host, port=port, timeout_keep_alive=timeout_keep_alive, log_level=log_level)
    server = _ThreadedServer(config)
    thread = threading.Thread(target=server.run, name="uvicorn", daemon=True)
    thread.start()
    while not server.started:
        if not thread.is_alive():
            raise RuntimeError(f"uvicorn could not serve on {host}:{port}")
        time.sleep(0.01)
    server.thread = thread
    return server


def stop_thread_server(server, timeout=5.0):
    server.should_exit = True
    server.thread.join(timeout)
