"""The address of the connection a request came on, before any forwarding header is believed.

uvicorn (which serves A1111, directly under --nowebui or through gradio) runs its ProxyHeadersMiddleware
by default: for a connection from an address in FORWARDED_ALLOW_IPS (default 127.0.0.1) carrying
X-Forwarded-For, it replaces scope["client"] with an entry of that header and port 0. Whether a
forwarding header is believed is the core's decision (TRACKER_TRUSTED_PROXIES), so the connection's
own address is recovered here: a rewritten client (port 0, X-Forwarded-For present) came from one of
uvicorn's trusted hosts; when that is a single address it is the peer, otherwise the peer is unknown ("").
"""
from __future__ import annotations

import os

UVICORN_TRUSTED_VARIABLE = "FORWARDED_ALLOW_IPS"
UVICORN_DEFAULT_TRUSTED = "127.0.0.1"


def connection_address(scope) -> str:
    client = scope.get("client")
    if not client:
        return ""
    host = client[0]
    port = client[1] if len(client) > 1 else None
    if port == 0 and _has_header(scope, b"x-forwarded-for"):
        return _uvicorn_trusted_peer()
    return "" if host is None else str(host)


def _uvicorn_trusted_peer() -> str:
    listed = os.environ.get(UVICORN_TRUSTED_VARIABLE, UVICORN_DEFAULT_TRUSTED)
    hosts = [host.strip() for host in listed.split(",") if host.strip()]
    if len(hosts) == 1 and hosts[0] != "*" and "/" not in hosts[0]:
        return hosts[0]
    return ""


def _has_header(scope, name: bytes) -> bool:
    return any(key.lower() == name for key, _ in scope.get("headers", []))
