using JobTracker.Diagnostics;
using JobTracker.Events;
using JobTracker.Recovery;

namespace JobTracker.Interop;

/// <summary>
/// One open <c>GET /sdapi/v1/job/{id}/events</c> stream, held by the shim's loop for that response. The core decides
/// every byte; the shim calls <see cref="Next"/> every quarter second or so with A1111's live state, sends what it
/// returns, and calls <see cref="Dispose"/> when the stream ended or the client left. Never throws into Python.
/// </summary>
public sealed class EventStream : IDisposable
{
    private readonly JobEventStream _stream;
    private readonly ITrackerLog _log;

    internal EventStream(JobEventStream stream, ITrackerLog log)
    {
        _stream = stream;
        _log = log;
    }

    /// <summary>The bytes to send now.</summary>
    /// <param name="liveState">A1111's queue and progress state for the job, or <see langword="null"/> when unread.</param>
    /// <returns>The batch; a failure ends the stream (logged), and the client falls back to polling. Dispose it after sending.</returns>
    public EventBatch Next(LiveState? liveState)
    {
        try
        {
            using var output = new NativeBufferWriter();
            var ended = _stream.Next(liveState, output);
            return new EventBatch(output.Detach(), ended);
        }
#pragma warning disable CA1031 // Language boundary: the stream ends, generation and the event loop go on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _log.Write($"an event stream failed and was ended: {ex}");
            return new EventBatch(NativeBuffer.CopyOf([]), ended: true);
        }
    }

    /// <summary>Closes the stream; safe to call more than once.</summary>
    public void Dispose() => _stream.Dispose();
}
