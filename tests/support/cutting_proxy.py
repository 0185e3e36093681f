"""A TCP proxy for tests that behaves like the proxies in front of hosted WebUIs (RunPod, Cloudflare...):
it cuts a connection on which the server sent nothing for `idle_seconds`, and it can cut the first
`cut_first` connections right after passing their request on, before any answer comes back.
"""
from __future__ import annotations

import select
import socket
import threading
import time


class CuttingProxy:
    def __init__(self, upstream: tuple[str, int], idle_seconds: float | None = None, cut_first: int = 0,
                 cut_after_seconds: float = 0.5):
        if idle_seconds is not None and idle_seconds <= 0:
            raise ValueError("idle_seconds must be positive")
        self.upstream = upstream
        self.idle_seconds = idle_seconds
        self.cut_first = cut_first
        self.cut_after_seconds = cut_after_seconds
        self.cuts = 0
        self._connections = 0
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._listener.getsockname()[1]}"

    def __enter__(self) -> "CuttingProxy":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stopped.set()
        self._listener.close()

    def _accept(self) -> None:
        while not self._stopped.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            with self._lock:
                number = self._connections
                self._connections += 1
            threading.Thread(target=self._pump, args=(client, number < self.cut_first), daemon=True).start()

    def _pump(self, client: socket.socket, cut_early: bool) -> None:
        server = socket.create_connection(self.upstream)
        last_from_server = time.monotonic()
        first_request_byte = None
        try:
            while True:
                readable, _, _ = select.select([client, server], [], [], 0.05)
                now = time.monotonic()
                if cut_early and first_request_byte is not None and now - first_request_byte > self.cut_after_seconds:
                    return
                if self.idle_seconds is not None and now - last_from_server > self.idle_seconds:
                    self._count_cut()
                    return
                for source in readable:
                    data = source.recv(65536)
                    if not data:
                        return
                    if source is client:
                        first_request_byte = first_request_byte or now
                        server.sendall(data)
                    else:
                        last_from_server = now
                        if not cut_early:
                            client.sendall(data)
        except OSError:
            return
        finally:
            if cut_early:  # the client never sees a byte of the answer, however the connection ended
                self._count_cut()
            client.close()
            server.close()

    def _count_cut(self) -> None:
        with self._lock:
            self.cuts += 1
