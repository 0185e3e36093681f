"""Small helpers for raw ASGI requests: reading the body, replaying it, editing headers."""
from __future__ import annotations

import os
from typing import NamedTuple

HEADERS_FOR_CORE = (b"authorization", b"x-forwarded-for", b"forwarded", b"x-job-id", b"idempotency-key", b"prefer",
                    b"if-none-match", b"origin", b"x-webhook-url", b"last-event-id")
UVICORN_TRUSTED_VARIABLE = "FORWARDED_ALLOW_IPS"


class Client(NamedTuple):
    """The raw facts of a request's connection (JobTracker.Interop.ClientConnection); the core decides what they mean."""
    host: str | None
    port: int
    forwarded_allow_ips: str | None


async def read_body(receive) -> tuple[bytes, bool]:
    """The whole request body, and whether the client disconnected before sending it all."""
    chunks = []
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return b"".join(chunks), True
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            return b"".join(chunks), False


def replaying(body: bytes, then):
    """A receive callable that yields `body` once, then whatever `then` (a receive callable) yields."""
    delivered = False

    async def receive_replayed():
        nonlocal delivered
        if not delivered:
            delivered = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await then()

    return receive_replayed


def disconnect_once(done):
    """A receive callable that reports a disconnect only when `done` (an asyncio.Event) is set.

    A tracked request must run to its end even if its client leaves: A1111's http middlewares
    (Starlette's BaseHTTPMiddleware) cancel the handler when they hear of a disconnect, and
    the finished images would be lost although generation goes on in its thread.
    """
    async def receive_disconnect():
        await done.wait()
        return {"type": "http.disconnect"}

    return receive_disconnect


def header(scope, name: bytes) -> bytes | None:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return value
    return None


def headers_for_core(scope) -> list[str]:
    """The headers the core reads, as it takes them across the bridge: name, value, name, value, ...

    Each value keeps its exact bytes (one latin-1 character per byte); nothing is joined or split again.
    """
    pairs = []
    for key, value in scope.get("headers", []):
        name = key.lower()
        if name in HEADERS_FOR_CORE:
            pairs += (name.decode("latin-1"), value.decode("latin-1"))
    return pairs


def app_path(scope) -> str:
    """The request path as the app's routes see it: without the --subpath prefix (root_path)."""
    path = scope.get("path", "")
    root_path = scope.get("root_path", "")
    if root_path and path.startswith(root_path):
        return path[len(root_path):]
    return path


def client_of(scope) -> Client:
    """scope["client"] as the server gave it, with uvicorn's FORWARDED_ALLOW_IPS (which may have rewritten it)."""
    client = scope.get("client") or ()
    host = client[0] if len(client) > 0 and client[0] is not None else None
    port = client[1] if len(client) > 1 and isinstance(client[1], int) else -1
    return Client(None if host is None else str(host), port, os.environ.get(UVICORN_TRUSTED_VARIABLE))


def with_body_headers(scope, body_length: int, drop: tuple[bytes, ...] = ()) -> dict:
    """A copy of scope whose content-length matches the new body, without the `drop` headers."""
    removed = {b"content-length", *drop}
    headers = [(k, v) for k, v in scope.get("headers", []) if k.lower() not in removed]
    headers.append((b"content-length", str(body_length).encode("ascii")))
    return dict(scope, headers=headers)
