using System.Buffers;
using System.Text.Json;
using JobTracker.Interop;
using JobTracker.Recovery;
using JobTracker.Storage;

namespace JobTracker.Events;

/// <summary>
/// One client's stream of a job's events. Each <see cref="Next"/> (the shim calls it every quarter second or so)
/// compares the job's record and A1111's live state with what this stream sent last, and writes what is news:
/// <c>queued</c> when the queue position is new, <c>progress</c> when the progress rose (at most
/// <see cref="ProgressEventsPerSecond"/> a second), then the final <c>completed</c>/<c>failed</c> with the job object;
/// a <c>: keep-alive</c> comment when nothing was written for the keep-alive interval. Not thread-safe: one caller.
/// </summary>
internal sealed class JobEventStream : IDisposable
{
    /// <summary>The most progress events a second.</summary>
    public const int ProgressEventsPerSecond = 4;

    /// <summary>The reconnection delay an <c>EventSource</c> is told to use, in milliseconds.</summary>
    public const int RetryMilliseconds = 2000;

    private const double ProgressInterval = 1.0 / ProgressEventsPerSecond;

    private readonly JobEvents _events;
    private readonly string _jobId;
    private EventKey? _sent;
    private double? _progressSentAt;
    private double _wroteAt;
    private bool _started;
    private bool _disposed;

    internal JobEventStream(JobEvents events, string jobId, EventKey? seen)
    {
        _events = events;
        _jobId = jobId;
        _sent = seen;
    }

    /// <summary>Gets a value indicating whether the stream has said all it will: the caller ends the response.</summary>
    public bool Ended { get; private set; }

    /// <summary>Writes what the client has not heard yet.</summary>
    /// <param name="live">A1111's queue and progress state for the job, or <see langword="null"/> when unread.</param>
    /// <param name="output">Receives the bytes to send (nothing, when there is no news and no heartbeat is due).</param>
    /// <returns><see cref="Ended"/>.</returns>
    public bool Next(LiveState? live, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (Ended)
        {
            return true;
        }

        var now = _events.Time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;
        var wrote = !_started;
        if (!_started)
        {
            _started = true;
            ServerSentEvents.Retry(output, RetryMilliseconds);
        }

        if (_events.Store.Find(_jobId) is not { } job)
        {
            // Purged or deleted while the client listened: say so, once, and end.
            ServerSentEvents.Event(output, "failed", EventKey.Final, JsonError($"job {_jobId} is no longer stored"));
            wrote = End();
        }
        else if (job.Status.IsFinal())
        {
            var body = new ArrayBufferWriter<byte>();
            _events.Details.Write(job, includeImages: false, JobProgress.Of(job, null, now), body);
            ServerSentEvents.Event(output, job.Status == JobStatus.Completed ? "completed" : "failed", EventKey.Final, body.WrittenSpan);
            wrote = End();
        }
        else if (job.Status == JobStatus.Pending)
        {
            wrote |= Queued(job, live, output);
        }
        else
        {
            wrote |= Progress(job, live, now, output);
        }

        var keepAlive = _events.KeepAliveSeconds;
        if (wrote)
        {
            _wroteAt = now;
        }
        else if (keepAlive > 0 && now - _wroteAt >= keepAlive)
        {
            ServerSentEvents.Comment(output, "keep-alive");
            _wroteAt = now;
        }

        return Ended;
    }

    /// <summary>Closes the stream (the client left, or it ended); safe to call more than once.</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _events.Closed();
        }
    }

    private bool Queued(JobRecord job, LiveState? live, IBufferWriter<byte> output)
    {
        var position = JobProgress.Of(job, live, 0).QueuePosition;
        var key = EventKey.Queued(position);
        if (!key.IsAfter(_sent))
        {
            return false;
        }

        ServerSentEvents.Event(output, "queued", key, Json(writer =>
        {
            writer.WriteString("id", job.Id);
            writer.WriteString("status", job.Status.ToString());
            Number(writer, "queue_position", position);
        }));
        _sent = key;
        return true;
    }

    private bool Progress(JobRecord job, LiveState? live, double now, IBufferWriter<byte> output)
    {
        var progress = JobProgress.Of(job, live, now);
        var key = EventKey.Running(progress.Progress ?? 0);
        if (!key.IsAfter(_sent) || now - _progressSentAt < ProgressInterval)
        {
            return false;
        }

        var running = live is { IsCurrent: true, SamplingSteps: > 0 };
        ServerSentEvents.Event(output, "progress", key, Json(writer =>
        {
            writer.WriteString("id", job.Id);
            writer.WriteString("status", job.Status.ToString());
            writer.WriteNumber("progress", progress.Progress ?? 0);
            Number(writer, "eta_seconds", progress.EtaSeconds);
            Number(writer, "step", running ? live!.SamplingStep : null);
            Number(writer, "steps", running ? live!.SamplingSteps : null);
        }));
        _sent = key;
        _progressSentAt = now;
        return true;
    }

    private bool End()
    {
        _sent = EventKey.Final;
        Ended = true;
        return true;
    }

    private static byte[] JsonError(string detail) => Json(writer =>
    {
        writer.WriteString("error", "NotFound");
        writer.WriteString("detail", detail);
    });

    private static byte[] Json(Action<Utf8JsonWriter> members)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            members(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void Number(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
