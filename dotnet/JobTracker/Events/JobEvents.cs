using System.Buffers;
using JobTracker.Http;
using JobTracker.Storage;

namespace JobTracker.Events;

/// <summary>
/// Opens the event streams of <c>GET /sdapi/v1/job/{id}/events</c>: the <see cref="JobGate"/> first (credentials,
/// ownership: 401, 404), then a <see cref="JobEventStream"/> that decides each event. Counts the streams open.
/// </summary>
/// <param name="store">The jobs.</param>
/// <param name="gate">The door of every job route.</param>
/// <param name="details">Writes the job object of the final event (that of <c>GET /sdapi/v1/job/{id}?images=false</c>).</param>
/// <param name="time">The clock of the rate limit and the heartbeats.</param>
/// <param name="keepAliveSeconds">The heartbeat interval of the moment (<c>TRACKER_KEEPALIVE_SECONDS</c>); 0 sends none.</param>
internal sealed class JobEvents(JobStore store, JobGate gate, JobDetailsWriter details, TimeProvider time, Func<int> keepAliveSeconds)
{
    private int _open;

    /// <summary>Gets the number of streams opened and not yet closed.</summary>
    public int OpenCount => Volatile.Read(ref _open);

    internal JobStore Store => store;

    internal JobDetailsWriter Details => details;

    internal TimeProvider Time => time;

    internal int KeepAliveSeconds => keepAliveSeconds();

    /// <summary>Opens a stream for <paramref name="jobId"/>.</summary>
    /// <param name="jobId">The ID from the path, untrusted.</param>
    /// <param name="headers">The request's headers (authorization, last-event-id).</param>
    /// <param name="body">Receives the refusal's body.</param>
    /// <param name="stream">The stream, when the head is 200.</param>
    /// <returns>The head: 200 <c>text/event-stream</c>; 204 when <c>Last-Event-ID</c> names the final event already
    /// (an <c>EventSource</c> then stops reconnecting); or the gate's 401 or 404.</returns>
    public ReplyHead Open(string? jobId, RequestHeaders? headers, IBufferWriter<byte> body, out JobEventStream? stream)
    {
        ArgumentNullException.ThrowIfNull(body);
        stream = null;
        if (gate.Open(jobId, headers, body, out var job) is { } refused)
        {
            return refused;
        }

        EventKey? seen = EventKey.TryParse(headers?.Find("last-event-id"), out var key) ? key : null;
        var finished = job!.Status.IsFinal();
        if (seen == EventKey.Final)
        {
            if (finished)
            {
                return new ReplyHead(204, []);
            }

            seen = null;  // no stream of this job sent that: start afresh rather than stay silent
        }

        Interlocked.Increment(ref _open);
        stream = new JobEventStream(this, job.Id, seen);
        return new ReplyHead(200, ServerSentEvents.Headers);
    }

    internal void Closed() => Interlocked.Decrement(ref _open);
}
