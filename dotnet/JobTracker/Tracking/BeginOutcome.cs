using JobTracker.Http;

namespace JobTracker.Tracking;

/// <summary>The decision on a txt2img/img2img request.</summary>
/// <param name="Action">What to do.</param>
/// <param name="JobId">The reserved job ID when <see cref="BeginAction.Track"/>, else "".</param>
internal sealed record BeginOutcome(BeginAction Action, string JobId)
{
    /// <summary>Gets the outcome that leaves the request alone.</summary>
    public static BeginOutcome Passthrough { get; } = new(BeginAction.Passthrough, string.Empty);

    /// <summary>Gets a value indicating whether the client asked for <c>Prefer: respond-async</c> (an immediate 202).</summary>
    public bool RespondAsync { get; init; }

    /// <summary>Gets how often a synchronous answer that is still waiting sends a space before its body; 0 = never.</summary>
    public int KeepAliveSeconds { get; init; }

    /// <summary>Gets the head of the reply to send at once when <see cref="BeginAction.Reply"/> (the body was written to the output).</summary>
    public ReplyHead Reply { get; init; }
}
