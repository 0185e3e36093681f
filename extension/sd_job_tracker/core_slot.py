"""The place the middleware and the routes take the core from, filled when the core is ready.

They are put on the app at on_app_started as always; when the core still has to be fetched or built (late_start),
the slot is empty until then: tracked routes pass through untracked and the job routes answer 503 with Retry-After.
When that failed, they answer 503 without Retry-After (the log says why; the next launch tries again).
"""
from __future__ import annotations

import json

from .http_reply import Reply

RETRY_AFTER_SECONDS = 5
STARTING = "the Job Tracker is still starting (its .NET core is being fetched or built in the background); retry shortly"
FAILED = "tracking is off until the WebUI restarts: its .NET core could not be fetched or built (the WebUI log says why)"


class CoreSlot:
    def __init__(self):
        self.core = None
        self.failed = False

    def fill(self, core) -> None:
        self.core = core

    def fail(self) -> None:
        """The core will not come in this process (the fetch or the build failed; the log says why)."""
        self.failed = True

    def is_enabled(self) -> bool:
        return self.core is not None and self.core.is_enabled()

    def get_job(self, *args) -> Reply:
        return self.core.get_job(*args) if self.core is not None else self._unavailable()

    def get_image(self, *args) -> Reply:
        return self.core.get_image(*args) if self.core is not None else self._unavailable()

    def list_jobs(self, *args) -> Reply:
        return self.core.list_jobs(*args) if self.core is not None else self._unavailable()

    def open_events(self, *args):
        return self.core.open_events(*args) if self.core is not None else (self._unavailable(), None)

    def cancel(self, *args) -> Reply:
        return self.core.cancel(*args) if self.core is not None else self._unavailable()

    def __getattr__(self, name):
        # Everything else (begin, queued, finish, ...) is only called once is_enabled() said yes.
        if name.startswith("_") or self.__dict__.get("core") is None:
            raise AttributeError(name)
        return getattr(self.core, name)

    def _unavailable(self) -> Reply:
        if self.failed:
            detail = FAILED
            headers = [("Content-Type", "application/json")]
        else:
            detail = STARTING
            headers = [("Content-Type", "application/json"), ("Retry-After", str(RETRY_AFTER_SECONDS))]
        body = json.dumps({"error": "TrackerUnavailable", "detail": detail}).encode("utf-8")
        return Reply(503, headers, body)


SLOT = CoreSlot()
