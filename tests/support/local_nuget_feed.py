"""A NuGet v3 flat container on 127.0.0.1, serving .nupkg files from this machine's NuGet cache.

    with LocalNugetFeed() as feed:               # TRACKER_NUGET_URL=feed.url
        ...; feed.requests                        # the paths asked for, in order
    LocalNugetFeed(tamper=True)                  # every package served with one byte changed
    LocalNugetFeed(hold=event)                   # no answer before event.set() (the test sees the waiting WebUI)

Packages the cache lacks answer 404, as the real feed does for an unknown version.
"""
import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

CACHE = Path(os.environ.get("NUGET_PACKAGES") or Path.home() / ".nuget" / "packages")


class LocalNugetFeed:
    HOLD_DEADLINE = 60.0

    def __init__(self, tamper: bool = False, hold: threading.Event | None = None, cache: Path = CACHE):
        self.tamper = tamper
        self.hold = hold
        self.cache = cache
        self.requests: list[str] = []
        self.bytes_served = 0
        self._server = None
        self._thread = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/v3-flatcontainer/"

    def file_for(self, path: str) -> Path | None:
        parts = path.split("/")
        # /v3-flatcontainer/<id>/<version>/<id>.<version>.nupkg
        if len(parts) != 5 or parts[1] != "v3-flatcontainer" or ".." in parts:
            return None
        candidate = self.cache / parts[2] / parts[3] / parts[4]
        return candidate if candidate.is_file() else None

    def start(self) -> "LocalNugetFeed":
        feed = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - http.server's naming
                feed.requests.append(self.path)
                if feed.hold is not None and not feed.hold.wait(feed.HOLD_DEADLINE):
                    self.send_error(503, "the test never released the feed")
                    return
                file = feed.file_for(self.path)
                if file is None:
                    self.send_error(404)
                    return
                body = bytearray(file.read_bytes())
                if feed.tamper:
                    body[len(body) // 2] ^= 0xFF
                self.send_response(200)
                self.send_header("Content-Type", "application/octet-stream")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                feed.bytes_served += len(body)

            def log_message(self, *args):
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
