namespace JobTracker.Diagnostics;

/// <summary>
/// The production log: one <c>[Job Tracker] message</c> line per call on the process's
/// standard error, which A1111 shows in its console.
/// </summary>
internal sealed class StderrTrackerLog : ITrackerLog
{
    /// <summary>The prefix every line starts with.</summary>
    public const string Prefix = "[Job Tracker] ";

    /// <inheritdoc />
    public void Write(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            // Console.Error is synchronized, so lines from timer threads do not interleave.
            Console.Error.WriteLine(Prefix + message);
        }
        catch (IOException)
        {
            // A closed stderr must not turn a log call into a failure of the caller.
        }
    }
}
