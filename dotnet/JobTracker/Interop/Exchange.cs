using JobTracker.Exchanges;

namespace JobTracker.Interop;

/// <summary>
/// A txt2img/img2img request as the shim drives it (see <see cref="TrackerHost.BeginRequest"/>). The shim reads
/// <see cref="Opening"/>, and for a tracked request reports every event it observes; each report returns the
/// <see cref="ExchangeStep"/> to carry out. <see cref="Queued"/> and <see cref="Started"/> may come from A1111's worker
/// thread; the rest come from the event loop. No method throws.
/// </summary>
public sealed class Exchange
{
    private readonly Boundary _boundary;
    private readonly TrackedExchange? _tracked;

    internal Exchange(Boundary boundary, TrackedExchange? tracked, ExchangeStep opening)
    {
        _boundary = boundary;
        _tracked = tracked;
        Opening = opening;
    }

    /// <summary>Gets the first step: <see cref="ExchangeAction.PassThrough"/>, <see cref="ExchangeAction.SendWhole"/> (a replay,
    /// a 409/422/400 for <c>X-Job-ID</c>) or <see cref="ExchangeAction.CallApp"/> (tracked: hand its body to A1111).</summary>
    public ExchangeStep Opening { get; }

    /// <summary>Gets the job ID of a tracked request, else "".</summary>
    public string JobId => _tracked?.JobId ?? string.Empty;

    /// <summary>A1111 queued the task (<c>add_task_to_queue</c>); the job is stored Pending before the shim is told to announce it.</summary>
    public void Queued() => _boundary.Run(nameof(Queued), Context, () => _tracked?.Queued());

    /// <summary>A1111 started the task (<c>start_task</c>).</summary>
    public void Started() => _boundary.Run(nameof(Started), Context, () => _tracked?.Started());

    /// <summary>The event loop saw the admission.</summary>
    /// <param name="live">A1111's queue and progress state for the job, for a 202.</param>
    /// <returns>The early head, a whole 202, or nothing.</returns>
    public ExchangeStep Admitted(LiveState? live) => Step(nameof(Admitted), t => t.Admitted(live));

    /// <summary>A1111's <c>http.response.start</c>.</summary>
    /// <param name="status">Its status.</param>
    /// <param name="headers">Its headers as name, value, name, value, ... (latin-1).</param>
    /// <returns>Nothing: the head waits for the body.</returns>
    public ExchangeStep AppHead(int status, string[] headers) => Step(nameof(AppHead), t => t.AppHead(status, headers));

    /// <summary>A1111's <c>http.response.body</c>.</summary>
    /// <param name="address">The address of the chunk (valid during the call).</param>
    /// <param name="length">Its length in bytes.</param>
    /// <param name="more">Whether more body follows.</param>
    /// <returns>Nothing until the end; then the body, or the whole response, to send.</returns>
    public ExchangeStep AppBody(long address, int length, bool more) =>
        _tracked is { } tracked
            ? _boundary.Run(nameof(AppBody), Context, () => tracked.AppBody(NativeSpan.Of(address, length), more), () => more ? ExchangeStep.Nothing : tracked.PassOn())
            : ExchangeStep.Nothing;

    /// <summary>The WebUI raised.</summary>
    /// <param name="errorType">The exception's type name.</param>
    /// <param name="message">Its message.</param>
    /// <returns><see cref="ExchangeAction.PassThrough"/> (re-raise), or the error body to end the response with.</returns>
    public ExchangeStep Raised(string errorType, string message) =>
        _tracked is { } tracked
            ? _boundary.Run(nameof(Raised), Context, () => tracked.Raised(errorType, message), () => ExchangeStep.PassThrough)
            : ExchangeStep.PassThrough;

    /// <summary>The client disconnected.</summary>
    /// <returns>Nothing.</returns>
    public ExchangeStep ClientGone() => Step(nameof(ClientGone), t => t.ClientGone());

    /// <summary>A keep-alive tick, <see cref="ExchangeStep.NextTickSeconds"/> after the previous step asked for it.</summary>
    /// <returns>Keep-alive bytes, or nothing; its <see cref="ExchangeStep.NextTickSeconds"/> says when to tick again (0: never).</returns>
    public ExchangeStep Tick() => Step(nameof(Tick), t => t.Tick());

    /// <summary>The request is over for the shim (A1111 returned or raised).</summary>
    /// <returns>Nothing.</returns>
    public ExchangeStep End() => Step(nameof(End), t => t.End());

    internal ExchangeState? State => _tracked?.State;

    private string Context => $"job '{JobId}'";

    private ExchangeStep Step(string method, Func<TrackedExchange, ExchangeStep> step) =>
        _tracked is { } tracked ? _boundary.Run(method, Context, () => step(tracked), () => ExchangeStep.Nothing) : ExchangeStep.Nothing;
}
