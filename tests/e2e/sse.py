"""Reading a text/event-stream over HTTP the way a client does: event by event, as the bytes arrive."""
from __future__ import annotations

import json
from dataclasses import dataclass

import httpx


@dataclass(frozen=True)
class Event:
    name: str
    id: str | None
    data: str

    @property
    def json(self) -> dict:
        return json.loads(self.data)


def events(response: httpx.Response):
    """Yield each event (comments and retry lines skipped) as soon as its closing blank line has arrived."""
    name, event_id, data = "message", None, []
    for line in response.iter_lines():
        line = line.rstrip("\r\n")  # httpx 0.23 keeps the line ending
        if line == "":
            if data:
                yield Event(name, event_id, "\n".join(data))
            name, data = "message", []
        elif line.startswith(":") or line.startswith("retry:"):
            continue
        else:
            field, _, value = line.partition(": ")
            if field == "event":
                name = value
            elif field == "id":
                event_id = value
            elif field == "data":
                data.append(value)


def open_stream(base_url: str, job_id: str, **kwargs):
    """httpx.stream(...) of the job's events (use as a context manager)."""
    return httpx.stream("GET", f"{base_url}/sdapi/v1/job/{job_id}/events", timeout=httpx.Timeout(30, read=30),
                        trust_env=False, **kwargs)
