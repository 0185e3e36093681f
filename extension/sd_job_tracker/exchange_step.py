"""What the core decided for a tracked request (JobTracker.Interop.ExchangeStep), in the shape ASGI needs."""
from __future__ import annotations

import enum
from dataclasses import dataclass

from . import body_pieces, native_bytes


class Action(enum.Enum):
    """JobTracker.Interop.ExchangeAction, member for member."""
    NOTHING = "Nothing"
    PASS_THROUGH = "PassThrough"
    CALL_APP = "CallApp"
    SEND_HEAD = "SendHead"
    SEND_BODY = "SendBody"
    SEND_WHOLE = "SendWhole"
    SEND_KEEP_ALIVE = "SendKeepAlive"


@dataclass(frozen=True)
class Step:
    action: Action
    status: int = 0
    headers: tuple[tuple[bytes, bytes], ...] = ()
    body: bytes = b""
    more: bool = False
    next_tick_seconds: float = 0.0

    @classmethod
    def from_dotnet(cls, step) -> "Step":
        try:
            return cls(Action(str(step.Action)), int(step.Status), asgi_headers(step.Headers),
                       native_bytes.take(step.Body), bool(step.More), float(step.NextTickSeconds))
        finally:
            step.Dispose()


NOTHING = Step(Action.NOTHING)
PASS_THROUGH = Step(Action.PASS_THROUGH)


def asgi_headers(alternating) -> tuple[tuple[bytes, bytes], ...]:
    """name, value, name, value, ... (one latin-1 character per byte) as ASGI's (lower-case name, value) byte pairs."""
    items = list(alternating or ())
    return tuple((items[i].lower().encode("latin-1"), items[i + 1].encode("latin-1")) for i in range(0, len(items) - 1, 2))


def header_pairs(asgi_headers_list) -> list[str]:
    """ASGI's (name, value) byte pairs as they cross the bridge: name, value, name, value, ... (latin-1)."""
    pairs = []
    for name, value in asgi_headers_list or ():
        pairs += (bytes(name).decode("latin-1"), bytes(value).decode("latin-1"))
    return pairs


async def carry_out(send, step: Step) -> None:
    """Sends what the step says; NOTHING, PASS_THROUGH and CALL_APP send nothing. A body goes in pieces with a turn
    of the event loop between them (see body_pieces): a recorded answer is megabytes of base64 images."""
    if step.action in (Action.SEND_HEAD, Action.SEND_WHOLE):
        await send({"type": "http.response.start", "status": step.status, "headers": list(step.headers)})
    if step.action in (Action.SEND_BODY, Action.SEND_WHOLE, Action.SEND_KEEP_ALIVE):
        async for piece, more in body_pieces.pieces(step.body):
            await send({"type": "http.response.body", "body": piece, "more_body": more or step.more})
