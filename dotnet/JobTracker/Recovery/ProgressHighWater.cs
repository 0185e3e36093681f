using System.Collections.Concurrent;
using JobTracker.Storage;

namespace JobTracker.Recovery;

/// <summary>
/// Keeps a running job's progress from going down. A1111 clears its current task (and so its progress) a moment
/// before the tracker records the job Completed; in that moment, and whenever A1111's state cannot be read, a
/// running job keeps the highest progress it showed, with the ETA it then had counted down. Thread-safe.
/// </summary>
internal sealed class ProgressHighWater
{
    // A1111 runs one job at a time; marks of jobs that stopped running without another poll are dropped once this
    // many pile up and they have not moved for a while.
    private const int PruneFrom = 64;
    private const double StaleSeconds = 600;

    private readonly ConcurrentDictionary<string, Mark> _marks = new(StringComparer.Ordinal);

    /// <summary>Gets the number of running jobs whose progress is remembered.</summary>
    public int Count => _marks.Count;

    /// <summary>The live fields of <paramref name="job"/>, never lower than what it showed before while it runs.</summary>
    /// <param name="job">The job.</param>
    /// <param name="computed">Its live fields from A1111's state of this moment (<see cref="JobProgress.Of"/>).</param>
    /// <param name="now">The current time, unix seconds.</param>
    /// <returns>The fields to show.</returns>
    public JobProgress Hold(JobRecord job, JobProgress computed, double now)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(computed);
        if (job.Status != JobStatus.Processing || computed.Progress is not { } progress)
        {
            _marks.TryRemove(job.Id, out _);
            return computed;
        }

        var fresh = new Mark(progress, computed.EtaSeconds, now);
        var kept = _marks.AddOrUpdate(job.Id, fresh, (_, old) => old.Progress > progress ? old : fresh);
        if (_marks.Count >= PruneFrom)
        {
            Prune(now);
        }

        if (ReferenceEquals(kept, fresh))
        {
            return computed;
        }

        double? eta = kept.EtaSeconds is { } seconds ? Math.Round(Math.Max(0, seconds - (now - kept.At)), 2) : null;
        return computed with { Progress = kept.Progress, EtaSeconds = eta };
    }

    private void Prune(double now)
    {
        foreach (var (id, mark) in _marks)
        {
            if (now - mark.At > StaleSeconds)
            {
                _marks.TryRemove(id, out _);
            }
        }
    }

    private sealed record Mark(double Progress, double? EtaSeconds, double At);
}
