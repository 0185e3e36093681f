using JobTracker.Storage;

namespace JobTracker.Cancellation;

/// <summary>How a cancelled job is recorded: Failed with the error <see cref="Error"/>, images generated before an interrupt kept.</summary>
internal static class JobCancellation
{
    /// <summary>The error of a cancelled job. A1111's own error texts never equal it (see <see cref="Tracking.FailureMessage"/>).</summary>
    public const string Error = "cancelled";

    /// <summary>Tells whether a job ended by being cancelled.</summary>
    /// <param name="job">The job.</param>
    /// <returns><see langword="true"/> if it is Failed with the error <see cref="Error"/>.</returns>
    public static bool IsCancelled(JobRecord job) => job.Status == JobStatus.Failed && job.Error == Error;

    /// <summary>The action a cancel request takes on a job in <paramref name="status"/>.</summary>
    /// <param name="status">The job's status.</param>
    /// <returns>Dequeue while Pending, Interrupt while Processing, Refuse once it has ended.</returns>
    public static CancelAction ActionFor(JobStatus status) => status switch
    {
        JobStatus.Pending => CancelAction.Dequeue,
        JobStatus.Processing => CancelAction.Interrupt,
        _ => CancelAction.Refuse,
    };
}
