namespace JobTracker.Tracking;

/// <summary>The decision on a txt2img/img2img request.</summary>
/// <param name="Action">What to do.</param>
/// <param name="JobId">The reserved job ID when <see cref="BeginAction.Track"/>, else "".</param>
public sealed record BeginOutcome(BeginAction Action, string JobId)
{
    /// <summary>Gets the outcome that leaves the request alone.</summary>
    public static BeginOutcome Passthrough { get; } = new(BeginAction.Passthrough, string.Empty);
}
