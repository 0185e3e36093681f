namespace JobTracker.Interop;

/// <summary>
/// What the shim does with a txt2img/img2img request. Python reads the properties, then calls <see cref="Dispose"/>.
/// </summary>
public sealed class RequestPlan : IDisposable
{
    /// <summary>Hand the request to A1111 unchanged.</summary>
    public const string Passthrough = "passthrough";

    /// <summary>Hand <see cref="Body"/> to A1111 and tell the client <see cref="JobId"/>.</summary>
    public const string Track = "track";

    /// <summary>Answer the client with <see cref="Reply"/> without calling A1111 (not produced yet; reserved for later features).</summary>
    public const string ReplyAction = "reply";

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

    /// <summary>Frees <see cref="Body"/> and <see cref="Reply"/>.</summary>
    public void Dispose()
    {
        Body?.Dispose();
        Reply?.Dispose();
    }

    internal static RequestPlan ForPassthrough() => new(Passthrough, string.Empty, null, null);

    internal static RequestPlan ForTrack(string jobId, NativeBuffer body) => new(Track, jobId, body, null);

    internal static RequestPlan ForReply(HttpReply reply) => new(ReplyAction, string.Empty, null, reply);
}
