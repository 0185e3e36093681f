using JobTracker.Diagnostics;

namespace JobTracker.Tests.Support;

/// <summary>Keeps every logged line for assertions.</summary>
internal sealed class RecordingLog : ITrackerLog
{
    private readonly Lock _gate = new();
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }

    public void Write(string message)
    {
        lock (_gate)
        {
            _lines.Add(message);
        }
    }

    public int Count(string fragment) => Lines.Count(l => l.Contains(fragment, StringComparison.Ordinal));
}
