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
            headers = parse_header_lines(str(reply.Headers or ""))
            body = native_bytes.take(reply.Body)
            return cls(int(reply.Status), headers, body)
        finally:
            reply.Dispose()

    def asgi_headers(self) -> list[tuple[bytes, bytes]]:
        headers = [(name.lower().encode("latin-1"), value.encode("latin-1")) for name, value in self.headers]
        headers.append((b"content-length", str(len(self.body)).encode("ascii")))
        return headers


def parse_header_lines(text: str) -> list[tuple[str, str]]:
    headers = []
    for line in text.split("\n"):
        name, separator, value = line.partition(":")
        if separator and name.strip():
            headers.append((name.strip(), value.strip()))
    return headers


def internal_error(detail: str = "internal error; see the server log") -> Reply:
    body = ('{"error":"TrackerError","detail":"%s"}' % detail).encode("utf-8")
    return Reply(500, [("Content-Type", "application/json")], body)
