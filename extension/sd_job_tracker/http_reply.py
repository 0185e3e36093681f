"""A reply computed by the .NET core, in the shape ASGI and Starlette need."""
from __future__ import annotations

from dataclasses import dataclass, field

from . import native_bytes


@dataclass(frozen=True)
class Reply:
    status: int
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes = b""

    @classmethod
    def from_dotnet(cls, reply) -> "Reply":
        try:
            headers = header_pairs(reply.Headers)
            body = native_bytes.take(reply.Body)
            return cls(int(reply.Status), headers, body)
        finally:
            reply.Dispose()

    def asgi_headers(self) -> list[tuple[bytes, bytes]]:
        headers = [(name.lower().encode("latin-1"), value.encode("latin-1")) for name, value in self.headers]
        headers.append((b"content-length", str(len(self.body)).encode("ascii")))
        return headers


def header_pairs(alternating) -> list[tuple[str, str]]:
    """The core's reply headers as they cross the bridge (name, value, name, value, ...), as (name, value) pairs;
    nothing is split or trimmed."""
    items = [str(item) for item in alternating or ()]
    return list(zip(items[0::2], items[1::2]))


def internal_error(detail: str = "internal error; see the server log") -> Reply:
    body = ('{"error":"TrackerError","detail":"%s"}' % detail).encode("utf-8")
    return Reply(500, [("Content-Type", "application/json")], body)
