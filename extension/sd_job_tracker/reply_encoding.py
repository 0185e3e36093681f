"""Gzip for the replies the middleware sends itself, as A1111's GZipMiddleware gives its own answers.

A JSON body of 1,000 bytes (A1111's minimum_size) up to MAXIMUM_SIZE is compressed for a client that accepts gzip;
images are sent as stored, since PNG, JPEG and WebP do not shrink. Larger JSON is a job with its images, base64 PNGs
that gzip shrinks by a quarter at most while holding the event loop for hundreds of milliseconds: it goes as it is.
"""
from __future__ import annotations

import gzip

from .asgi_messages import header
from .http_reply import Reply

MINIMUM_SIZE = 1000
# The most gzip at level 5 is given: measured on a 2-core machine, 0.3 ms for a 100 KB job list, 3.5 ms for 128 KB of
# base64 (which barely shrinks). The middleware compresses on a worker thread; a browser's answer is compressed by
# A1111's GZip on the event loop, so this is also the most that may hold the loop.
MAXIMUM_SIZE = 128 * 1024
COMPRESS_LEVEL = 5


def encoded(scope, reply: Reply) -> tuple[list[tuple[bytes, bytes]], bytes]:
    """The ASGI headers and body to send for reply."""
    if not _worth_compressing(scope, reply):
        return reply.asgi_headers(), reply.body
    body = gzip.compress(reply.body, compresslevel=COMPRESS_LEVEL)
    headers = [(name, value) for name, value in reply.asgi_headers() if name != b"content-length"]
    headers += [(b"content-encoding", b"gzip"), (b"vary", b"Accept-Encoding"),
                (b"content-length", str(len(body)).encode("ascii"))]
    return headers, body


def compressible(reply: Reply) -> bool:
    """Whether gzip pays for reply and costs the event loop no more than a couple of milliseconds."""
    if not MINIMUM_SIZE <= len(reply.body) <= MAXIMUM_SIZE:
        return False
    content_type = next((value for name, value in reply.headers if name.lower() == "content-type"), "")
    return content_type.startswith("application/json")


def without_compression(scope) -> dict:
    """A copy of scope whose request accepts no encoding: A1111's GZipMiddleware, which compresses every body of
    1,000 bytes or more on the event loop (images and megabytes of base64 too), then sends it as it is."""
    headers = [(name, value) for name, value in scope.get("headers", []) if name.lower() != b"accept-encoding"]
    return dict(scope, headers=headers)


def _worth_compressing(scope, reply: Reply) -> bool:
    if not compressible(reply):
        return False
    accepted = (header(scope, b"accept-encoding") or b"").decode("latin-1").lower()
    return "gzip" in accepted
