"""A reply body in pieces, with a turn of the event loop between them.

The server copies each piece into its socket on the event loop and only waits when the client is slower than that;
without a turn in between, a client that keeps up would have megabytes of images copied in one go. With it, a job's
answer holds the loop a fraction of a millisecond at a time, and every other request ready meanwhile goes first.
"""
from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

PIECE = 256 * 1024


async def pieces(body: bytes) -> AsyncIterator[tuple[bytes, bool]]:
    """(piece, more_body) for body; one empty piece for an empty body."""
    for start in range(0, len(body), PIECE) or range(1):
        if start:
            await asyncio.sleep(0)
        end = start + PIECE
        yield body[start:end], end < len(body)


async def chunks(body: bytes) -> AsyncIterator[bytes]:
    """The pieces alone, for a Starlette StreamingResponse."""
    async for piece, _ in pieces(body):
        yield piece
