"""The core's side of one event stream (JobTracker.Interop.EventStream), wrapped so that no .NET failure reaches
the event loop: a failure is logged and ends the stream (the client then falls back to polling)."""
from __future__ import annotations

from . import native_bytes
from .http_reply import Reply, internal_error
from .log import log


class CoreEventStream:
    def __init__(self, stream, job_id: str, live_state):
        self._stream = stream
        self._job_id = job_id
        self._live_state = live_state  # A1111's raw progress -> the .NET LiveState (TrackerCore.live_state)

    def next(self, progress) -> tuple[bytes, bool]:
        """(bytes to send now, whether the stream is over), given A1111's raw progress (live_state.read)."""
        try:
            batch = self._stream.Next(self._live_state(progress))
        except Exception as error:  # noqa: BLE001 - the bridge can raise any .NET exception
            log(f"the event stream of job {self._job_id} failed and was ended: {error}")
            return b"", True
        try:
            ended = bool(batch.Ended)
            return native_bytes.take(batch.Body), ended
        finally:
            batch.Dispose()

    def close(self) -> None:
        try:
            self._stream.Dispose()
        except Exception as error:  # noqa: BLE001
            log(f"could not close the event stream of job {self._job_id}: {error}")


def open_stream(host, job_id: str, client, headers: list[str], live_state) -> tuple[Reply, CoreEventStream | None]:
    """The head to send and, when it opens a stream (200), the stream; else the whole reply (401, 404, 204, ...)."""
    try:
        opening = host.OpenEventStream(job_id, client, headers)
    except Exception as error:  # noqa: BLE001
        log(f"could not open an event stream: {error}")
        return internal_error(), None
    try:
        stream = opening.Stream
        return Reply.from_dotnet(opening.Reply), (CoreEventStream(stream, job_id, live_state) if stream is not None else None)
    finally:
        opening.Dispose()
