namespace JobTracker.Interop;

/// <summary>
/// What the shim does with a txt2img/img2img request. Python reads the properties, then calls <see cref="Dispose"/>.
/// </summary>
public sealed class RequestPlan : IDisposable
{
    /// <summary>Hand the request to A1111 unchanged.</summary>
    internal const string Passthrough = "passthrough";

    /// <summary>Hand <see cref="Body"/> to A1111 and tell the client <see cref="JobId"/>.</summary>
    internal const string Track = "track";

    /// <summary>Answer the client with <see cref="Reply"/> without calling A1111 (a retry with a known or malformed <c>X-Job-ID</c>).</summary>
    internal const string ReplyAction = "reply";

    private RequestPlan(string action, string jobId, NativeBuffer? body, HttpReply? reply)
    {
        Action = action;
        JobId = jobId;
        Body = body;
        Reply = reply;
    }

    /// <summary>Gets what to do: "passthrough", "track" or "reply".</summary>
    public string Action { get; }

    /// <summary>Gets the job ID for "track", else "".</summary>
    public string JobId { get; }

    /// <summary>Gets the body to hand to A1111 for "track", else <see langword="null"/>.</summary>
    public NativeBuffer? Body { get; }

    /// <summary>Gets the reply to send for "reply", else <see langword="null"/>.</summary>
    public HttpReply? Reply { get; }

    /// <summary>Gets a value indicating whether the client asked for <c>Prefer: respond-async</c>: for "track", answer
    /// <c>202</c> (<see cref="TrackerHost.AcceptedReply"/>) as soon as A1111 queues the request, instead of early headers.</summary>
    public bool RespondAsync { get; private init; }

    /// <summary>Gets how often, for "track", a synchronous answer still waiting sends one space before its JSON body; 0 = never.</summary>
    public int KeepAliveSeconds { get; private init; }

    /// <summary>Frees <see cref="Body"/> and <see cref="Reply"/>.</summary>
    public void Dispose()
    {
        Body?.Dispose();
        Reply?.Dispose();
    }

    internal static RequestPlan ForPassthrough() => new(Passthrough, string.Empty, null, null);

    internal static RequestPlan ForTrack(string jobId, NativeBuffer body, bool respondAsync = false, int keepAliveSeconds = 0) =>
        new(Track, jobId, body, null) { RespondAsync = respondAsync, KeepAliveSeconds = keepAliveSeconds };

    internal static RequestPlan ForReply(HttpReply reply) => new(ReplyAction, string.Empty, null, reply);
}
