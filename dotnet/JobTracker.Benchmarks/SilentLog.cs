using JobTracker.Diagnostics;

namespace JobTracker.Benchmarks;

/// <summary>Drops log lines, so the benchmarks measure the store and not the console.</summary>
public sealed class SilentLog : ITrackerLog
{
    /// <summary>The one instance.</summary>
    public static SilentLog Instance { get; } = new();

    /// <inheritdoc/>
    public void Write(string message)
    {
        // Deliberately nothing: see the class summary.
    }
}
