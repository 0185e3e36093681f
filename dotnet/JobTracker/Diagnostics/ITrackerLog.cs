namespace JobTracker.Diagnostics;

/// <summary>
/// Where the tracker reports problems and notable events. Implementations add the
/// <c>[Job Tracker]</c> prefix themselves and must be safe to call from any thread.
/// </summary>
internal interface ITrackerLog
{
    /// <summary>Writes one message (a single line, without the prefix).</summary>
    /// <param name="message">What happened, with enough context to act on it.</param>
    void Write(string message);
}
