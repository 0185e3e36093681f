using JobTracker.Interop;
using JobTracker.Storage;

namespace JobTracker.Recovery;

/// <summary>
/// The live fields of a job: <c>queue_position</c> while Pending, <c>progress</c> and <c>eta_seconds</c> while
/// Processing (A1111's own formula from <c>/sdapi/v1/progress</c>), and the polling hint <c>Retry-After</c>.
/// </summary>
/// <param name="QueuePosition">1-based position in A1111's queue, or <see langword="null"/>.</param>
/// <param name="Progress">From 0 to 1, or <see langword="null"/> when unknown.</param>
/// <param name="EtaSeconds">Seconds left as A1111 estimates them, or <see langword="null"/>.</param>
/// <param name="RetryAfterSeconds">When to poll again, or <see langword="null"/> for a finished job.</param>
internal sealed record JobProgress(int? QueuePosition, double? Progress, double? EtaSeconds, int? RetryAfterSeconds)
{
    /// <summary>The shortest polling hint, in seconds.</summary>
    public const int MinRetryAfterSeconds = 1;

    /// <summary>The longest polling hint, in seconds.</summary>
    public const int MaxRetryAfterSeconds = 5;

    /// <summary>The polling hint when nothing better is known.</summary>
    public const int DefaultRetryAfterSeconds = 2;

    // A1111 starts progress at 0.01 so that the ETA never divides by zero.
    private const double ProgressFloor = 0.01;

    /// <summary>Computes the live fields of <paramref name="job"/>.</summary>
    /// <param name="job">The job.</param>
    /// <param name="live">A1111's state for it, or <see langword="null"/> when it was not read.</param>
    /// <param name="now">The current time, unix seconds.</param>
    /// <returns>The fields.</returns>
    public static JobProgress Of(JobRecord job, LiveState? live, double now)
    {
        ArgumentNullException.ThrowIfNull(job);
        switch (job.Status)
        {
            case JobStatus.Completed:
                return new JobProgress(null, 1, 0, null);
            case JobStatus.Failed:
                return new JobProgress(null, null, null, null);
            case JobStatus.Pending:
                int? position = live is { QueueIndex: >= 0 } ? live.QueueIndex + 1 : null;
                return new JobProgress(position, 0, null, Clamp(position ?? DefaultRetryAfterSeconds));
            default:
                return Processing(live, now);
        }
    }

    private static JobProgress Processing(LiveState? live, double now)
    {
        if (live is not { IsCurrent: true, JobCount: > 0 })
        {
            // Between start_task and A1111 setting up its state, or the state could not be read.
            return new JobProgress(null, 0, null, DefaultRetryAfterSeconds);
        }

        var progress = ProgressFloor + ((double)live.JobNo / live.JobCount);
        if (live.SamplingSteps > 0)
        {
            progress += 1.0 / live.JobCount * live.SamplingStep / live.SamplingSteps;
        }

        double? eta = null;
        if (live.TimeStart is { } start)
        {
            var elapsed = Math.Max(0, now - start);
            eta = Math.Max(0, (elapsed / progress) - elapsed);
        }

        progress = Math.Min(progress, 1);
        var retry = eta is { } seconds ? Clamp((int)Math.Ceiling(seconds)) : DefaultRetryAfterSeconds;
        return new JobProgress(null, Math.Round(progress, 4), eta is { } e ? Math.Round(e, 2) : null, retry);
    }

    private static int Clamp(int seconds) => Math.Clamp(seconds, MinRetryAfterSeconds, MaxRetryAfterSeconds);
}
