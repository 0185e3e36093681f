using JobTracker.Diagnostics;

namespace JobTracker.Tests.Support;

/// <summary>A log that records, and throws once <see cref="Armed"/> is set (a component failing inside a handler).</summary>
internal sealed class ThrowingLog : ITrackerLog
{
    public RecordingLog Recorded { get; } = new();

    public bool Armed { get; set; }

    public void Write(string message)
    {
        if (Armed)
        {
            throw new InvalidOperationException("log is broken");
        }

        Recorded.Write(message);
    }
}
