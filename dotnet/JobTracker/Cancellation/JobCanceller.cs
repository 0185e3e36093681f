using JobTracker.Storage;

namespace JobTracker.Cancellation;

/// <summary>
/// Carries a cancel request's outcome into the store. A job taken out of A1111's queue ends at once (Failed,
/// <c>"cancelled"</c>); an interrupted job is remembered until A1111 answers for it, and then ends the same way
/// with the images it had made. Thread-safe.
/// </summary>
/// <param name="store">The jobs.</param>
/// <param name="time">The clock for the end time.</param>
/// <param name="ended">Called with the ID of every job a cancel ends here (the webhooks).</param>
internal sealed class JobCanceller(JobStore store, TimeProvider time, Action<string> ended)
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _interrupting = new(StringComparer.Ordinal);

    /// <summary>Records what the shim did; returns the job afterwards.</summary>
    /// <param name="jobId">A well-formed job ID.</param>
    /// <param name="outcome">What the shim found and did.</param>
    /// <returns>The job as it is now; <see langword="null"/> if it vanished (purged).</returns>
    public JobRecord? Settle(string jobId, CancelOutcome outcome)
    {
        switch (outcome)
        {
            case CancelOutcome.Dequeued:
                var now = time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;
                var endedNow = false;
                var after = store.Update(jobId, j =>
                {
                    if (j.Status.IsFinal())
                    {
                        return j;
                    }

                    endedNow = true;
                    return j with { Status = JobStatus.Failed, Error = JobCancellation.Error, Finished = now };
                });
                if (endedNow)
                {
                    ended(jobId);
                }

                return after;
            case CancelOutcome.Interrupted:
                lock (_gate)
                {
                    _interrupting.Add(jobId);
                }

                // A1111 may have answered between the interrupt and now: then the job ended as it did, and no mark stays.
                var job = store.Find(jobId);
                if (job is null || job.Status.IsFinal())
                {
                    lock (_gate)
                    {
                        _interrupting.Remove(jobId);
                    }
                }

                return job;
            default:
                return store.Find(jobId);
        }
    }

    /// <summary>Called when A1111 answers for a job: tells (once) whether it was interrupted by a cancel request.</summary>
    /// <param name="jobId">The job ID.</param>
    /// <returns><see langword="true"/> if the job must end as cancelled.</returns>
    public bool TakeInterrupted(string jobId)
    {
        lock (_gate)
        {
            return _interrupting.Remove(jobId);
        }
    }
}
