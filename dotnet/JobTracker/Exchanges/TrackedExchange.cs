using System.Buffers;
using JobTracker.Diagnostics;
using JobTracker.Http;
using JobTracker.Interop;
using JobTracker.Tracking;

namespace JobTracker.Exchanges;

/// <summary>
/// One tracked txt2img/img2img request, from admission to the stored result, as a state machine the shim drives.
/// The shim reports what it observes (A1111 queued or started the task, the event loop saw the admission, A1111's
/// response head and body, an exception, the client leaving, a keep-alive tick, the end) and carries out the
/// <see cref="ExchangeStep"/> each report returns. Every decision is here: when the early head or the 202 leaves,
/// the shape of every reply, whether A1111's answer is recorded or the request abandoned.
/// Queued/Started come from A1111's worker thread, everything else from the event loop; one lock orders them.
/// </summary>
internal sealed class TrackedExchange
{
    private const string JsonContentType = "application/json";

    private readonly Lock _gate = new();
    private readonly RequestTracker _tracker;
    private readonly JobHandlers _handlers;
    private readonly ExchangeOptions _options;
    private readonly TimeProvider _time;
    private readonly ITrackerLog _log;
    private ArrayBufferWriter<byte> _answer = new();
    private string[] _appHeaders = [];
    private int _status = 500;
    private bool _clientGone;
    private long _lastSent;

    public TrackedExchange(string jobId, RequestTracker tracker, JobHandlers handlers, ExchangeOptions options, TimeProvider time, ITrackerLog log)
    {
        JobId = jobId;
        _tracker = tracker;
        _handlers = handlers;
        _options = options;
        _time = time;
        _log = log;
    }

    public string JobId { get; }

    public ExchangeState State { get; private set; } = ExchangeState.Waiting;

    private bool Over => State is ExchangeState.Finished or ExchangeState.Abandoned;

    /// <summary>A1111 queued the task (its worker thread): the job is stored Pending before the client hears of it.</summary>
    public void Queued() => _tracker.OnQueued(JobId);

    /// <summary>A1111 started the task: the job becomes Processing.</summary>
    public void Started() => _tracker.OnStarted(JobId);

    /// <summary>The event loop learned that A1111 admitted the request: the early head or the 202 leaves now, if ever.</summary>
    public ExchangeStep Admitted(LiveState? live)
    {
        lock (_gate)
        {
            if (State != ExchangeState.Waiting || !_options.EarlyHead)
            {
                return ExchangeStep.Nothing;
            }

            if (_options.RespondAsync)
            {
                State = ExchangeState.Accepted;
                using var body = new NativeBufferWriter();
                var head = _handlers.Accepted(JobId, live, body);
                return ExchangeStep.Whole(head.Status, head.Headers, body.Detach());
            }

            State = ExchangeState.EarlyHeadSent;
            _lastSent = _time.GetTimestamp();
            return ExchangeStep.Head(200, ["content-type", JsonContentType, "x-job-id", JobId], _options.KeepAlive);
        }
    }

    /// <summary>A1111's response head; nothing leaves until its body ends.</summary>
    public ExchangeStep AppHead(int status, string[]? headers)
    {
        lock (_gate)
        {
            _status = status;
            _appHeaders = headers ?? [];
            if (State == ExchangeState.Waiting)
            {
                State = ExchangeState.AppAnsweredFirst;
            }

            return ExchangeStep.Nothing;
        }
    }

    /// <summary>A piece of A1111's response body; at its end, the answer is recorded and what the client gets is decided.</summary>
    public ExchangeStep AppBody(ReadOnlySpan<byte> chunk, bool more)
    {
        lock (_gate)
        {
            if (Over)
            {
                return ExchangeStep.Nothing;
            }

            _answer.Write(chunk);
            return more ? ExchangeStep.Nothing : FinishLocked();
        }
    }

    /// <summary>
    /// The WebUI raised. Before any byte left, the exception goes on untouched (the server answers it); once the head
    /// or the 202 is out, the request ends as the WebUI's exception handler would have answered it.
    /// </summary>
    public ExchangeStep Raised(string? errorType, string? message)
    {
        lock (_gate)
        {
            if (State is not (ExchangeState.EarlyHeadSent or ExchangeState.Accepted))
            {
                return ExchangeStep.PassThrough;
            }

            _log.Write($"job {JobId}: the WebUI raised {errorType}: {message}");
            _status = 500;
            _answer = new ArrayBufferWriter<byte>();
            _answer.Write(RaisedErrorBody.Of(_options.Flavour, errorType, message));
            return FinishLocked();
        }
    }

    /// <summary>The client left: nothing more is sent to it, but A1111's answer is still recorded.</summary>
    public ExchangeStep ClientGone()
    {
        lock (_gate)
        {
            _clientGone = true;
            return ExchangeStep.Nothing;
        }
    }

    /// <summary>A keep-alive tick: a space when the connection has been idle for the interval, else the time left.</summary>
    public ExchangeStep Tick()
    {
        lock (_gate)
        {
            if (State != ExchangeState.EarlyHeadSent || _clientGone || _options.KeepAlive <= TimeSpan.Zero)
            {
                return ExchangeStep.Nothing;
            }

            var idle = _time.GetElapsedTime(_lastSent);
            if (idle < _options.KeepAlive)
            {
                return ExchangeStep.Wait(_options.KeepAlive - idle);
            }

            _lastSent = _time.GetTimestamp();
            return ExchangeStep.KeepAlive(_options.KeepAlive);
        }
    }

    /// <summary>The request is over for the shim: a job whose answer was not recorded is abandoned.</summary>
    public ExchangeStep End()
    {
        lock (_gate)
        {
            if (!Over)
            {
                State = ExchangeState.Abandoned;
                _tracker.OnAbandoned(JobId);
            }

            return ExchangeStep.Nothing;
        }
    }

    /// <summary>A1111's answer as it came, for when recording it failed: the client still gets it.</summary>
    public ExchangeStep PassOn()
    {
        lock (_gate)
        {
            return PassOnLocked(NativeBuffer.CopyOf(_answer.WrittenSpan));
        }
    }

    private ExchangeStep FinishLocked()
    {
        var answered = State;
        var recorded = new NativeBufferWriter(_answer.WrittenCount + 64);
        bool isJob;
        try
        {
            isJob = _tracker.OnFinished(JobId, _status, _answer.WrittenSpan, recorded);
        }
#pragma warning disable CA1031 // Tracking never breaks generation: the client gets A1111's answer, the log gets why.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            recorded.Dispose();
            _log.Write($"job {JobId}: A1111's answer (status {_status}) could not be recorded; it is passed on as it came: {ex}");
            return PassOnLocked(NativeBuffer.CopyOf(_answer.WrittenSpan));
        }

        State = isJob ? ExchangeState.Finished : ExchangeState.Abandoned;
        _answer = new ArrayBufferWriter<byte>(1);
        var body = recorded.Detach();
        recorded.Dispose();
        switch (answered)
        {
            case ExchangeState.Accepted:
                body.Dispose();
                return ExchangeStep.Nothing; // the client has its 202; the result is fetched from the job
            case ExchangeState.EarlyHeadSent when _clientGone:
                body.Dispose();
                return ExchangeStep.Nothing;
            case ExchangeState.EarlyHeadSent:
                return ExchangeStep.LastBody(body);
            default:
                // A1111 answered before the early head left: it refused the request (no job, its answer untouched),
                // or it finished right after admitting it, or the WebUI never reports admissions (SD.Next). The job is
                // over, so a 202 would come after the generation: the client gets the result itself.
                return ExchangeStep.Whole(_status, isJob ? HeaderPairs.With(_appHeaders, "x-job-id", JobId) : _appHeaders, body);
        }
    }

    private ExchangeStep PassOnLocked(NativeBuffer body)
    {
        var answered = State;
        State = ExchangeState.Abandoned;
        try
        {
            _tracker.OnAbandoned(JobId);
        }
#pragma warning disable CA1031 // Already on the failure path: the client's answer matters more.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _log.Write($"job {JobId}: could not be marked as ended without its answer: {ex.Message}");
        }

        return answered switch
        {
            ExchangeState.Accepted => Dispose(body),
            ExchangeState.EarlyHeadSent => _clientGone ? Dispose(body) : ExchangeStep.LastBody(body),
            _ => ExchangeStep.Whole(_status, _appHeaders, body),
        };
    }

    private static ExchangeStep Dispose(NativeBuffer body)
    {
        body.Dispose();
        return ExchangeStep.Nothing;
    }
}
