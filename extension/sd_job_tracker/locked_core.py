"""What the middleware and routes use instead of the core when the tracker's routes must refuse
every request (see host_auth): nothing is tracked, every job route answers 503 with the reason."""
from __future__ import annotations

import json

from .http_reply import Reply


class LockedCore:
    def __init__(self, reason: str):
        self._body = json.dumps({"error": "TrackerLocked", "detail": f"the Job Tracker is locked: {reason}"}).encode()

    def is_enabled(self) -> bool:
        return False

    def get_job(self, *_request) -> Reply:
        return self._refusal()

    def get_image(self, *_request) -> Reply:
        return self._refusal()

    def list_jobs(self, *_request) -> Reply:
        return self._refusal()

    def open_events(self, *_request):
        return self._refusal(), None

    def cancel(self, *_request) -> Reply:
        return self._refusal()

    def _refusal(self) -> Reply:
        return Reply(503, [("Content-Type", "application/json")], self._body)
