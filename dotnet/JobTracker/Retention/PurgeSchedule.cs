using JobTracker.Diagnostics;

namespace JobTracker.Retention;

/// <summary>
/// Runs the purge every <see cref="Interval"/> on a timer of the injected <see cref="TimeProvider"/>.
/// The callback runs on a .NET thread, touches only .NET state and never throws.
/// </summary>
internal sealed class PurgeSchedule : IDisposable
{
    /// <summary>How often the purge runs: every 6 hours, as in the original extension.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    private readonly Action _purge;
    private readonly ITrackerLog _log;
    private readonly ITimer _timer;

    /// <summary>Initializes a new instance of the <see cref="PurgeSchedule"/> class and starts the timer.</summary>
    /// <param name="time">The clock whose timer is used.</param>
    /// <param name="purge">What to run each time.</param>
    /// <param name="log">Where a failure is reported.</param>
    public PurgeSchedule(TimeProvider time, Action purge, ITrackerLog log)
    {
        ArgumentNullException.ThrowIfNull(time);
        _purge = purge ?? throw new ArgumentNullException(nameof(purge));
        _log = log ?? throw new ArgumentNullException(nameof(log));
        _timer = time.CreateTimer(_ => Run(), null, Interval, Interval);
    }

    /// <summary>Stops the timer.</summary>
    public void Dispose() => _timer.Dispose();

    private void Run()
    {
        try
        {
            _purge();
        }
#pragma warning disable CA1031 // A timer thread is a boundary: an exception here would kill the process.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _log.Write($"scheduled purge failed: {ex}");
        }
    }
}
