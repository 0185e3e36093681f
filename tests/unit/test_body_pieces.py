"""A reply body in pieces: all of it, in order, each at most PIECE bytes, more_body on all but the last."""
import asyncio

import pytest

from sd_job_tracker.body_pieces import PIECE, chunks, pieces


def _collect(body: bytes) -> list[tuple[bytes, bool]]:
    async def run():
        return [item async for item in pieces(body)]
    return asyncio.run(run())


@pytest.mark.parametrize("size", [0, 1, PIECE - 1, PIECE, PIECE + 1, 3 * PIECE, 3 * PIECE + 7])
def test_pieces_cover_the_body_in_order(size):
    body = bytes(i % 251 for i in range(size))
    collected = _collect(body)
    assert b"".join(piece for piece, _ in collected) == body
    assert [more for _, more in collected] == [True] * (len(collected) - 1) + [False]
    assert all(0 < len(piece) <= PIECE for piece, _ in collected) or size == 0
    assert len(collected) == max(1, -(-size // PIECE))


def test_chunks_are_the_pieces_alone():
    body = b"x" * (2 * PIECE + 1)

    async def run():
        return [chunk async for chunk in chunks(body)]
    assert b"".join(asyncio.run(run())) == body
