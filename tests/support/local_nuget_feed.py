"""A NuGet v3 flat container on 127.0.0.1, serving .nupkg files from this machine's NuGet cache.

    with LocalNugetFeed() as feed:               # TRACKER_NUGET_URL=feed.url
        ...; feed.requests                        # the paths asked for, in order
    LocalNugetFeed(tamper=True)                  # every package served with one byte changed
    LocalNugetFeed(hold=event)                   # no answer before event.set() (the test sees the waiting WebUI)

Packages the cache lacks answer 404, as the real feed does for an unknown version. It also serves nuget.org's
way of publishing a package's SHA-512 (TRACKER_NUGET_REGISTRATION_URL=feed.registration_url): a gzip-encoded
registration leaf naming a catalog entry, whose packageHash is the SHA-512 of the cached .nupkg
(or of other bytes, with wrong_published_hash=True).
"""
import base64
import gzip
import hashlib
import json
import os
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

CACHE = Path(os.environ.get("NUGET_PACKAGES") or Path.home() / ".nuget" / "packages")


class LocalNugetFeed:
    HOLD_DEADLINE = 60.0

    def __init__(self, tamper: bool = False, hold: threading.Event | None = None, cache: Path = CACHE,
                 wrong_published_hash: bool = False):
        self.tamper = tamper
        self.wrong_published_hash = wrong_published_hash
        self.hold = hold
        self.cache = cache
        self.requests: list[str] = []
        self.bytes_served = 0
        self._server = None
        self._thread = None

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def url(self) -> str:
        return f"{self.origin}/v3-flatcontainer/"

    @property
    def registration_url(self) -> str:
        return f"{self.origin}/v3/registration/"

    def metadata_for(self, path: str) -> tuple[bytes, bool] | None:
        """(body, gzip-encoded) of a registration leaf or catalog entry, or None."""
        if found := re.fullmatch(r"/v3/registration/([^/]+)/([^/]+)\.json", path):
            entry = f"{self.origin}/v3/catalog/{found.group(1)}.{found.group(2)}.json"
            return gzip.compress(json.dumps({"@id": self.origin + path, "catalogEntry": entry}).encode()), True
        if found := re.fullmatch(r"/v3/catalog/([^/]+?)\.(\d[^/]*)\.json", path):
            package_id, version = found.groups()
            archive = self.cache / package_id / version / f"{package_id}.{version}.nupkg"
            if not archive.is_file():
                return None
            data = archive.read_bytes() + (b"other bytes" if self.wrong_published_hash else b"")
            digest = base64.b64encode(hashlib.sha512(data).digest()).decode()
            return json.dumps({"packageHash": digest, "packageHashAlgorithm": "SHA512"}).encode(), False
        return None

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
                metadata = feed.metadata_for(self.path)
                if metadata is not None:
                    body, zipped = metadata
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    if zipped:
                        self.send_header("Content-Encoding", "gzip")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
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
