namespace JobTracker.Storage;

/// <summary>What a job list is restricted to; every non-null criterion must hold.</summary>
/// <param name="Status">Only jobs in this status.</param>
/// <param name="Ip">Only jobs from exactly this client address.</param>
/// <param name="After">Only jobs whose <see cref="JobRecord.Timestamp"/> is strictly greater (unix seconds).</param>
/// <param name="User">Only jobs created by exactly this user (see <see cref="JobRecord.User"/>).</param>
internal sealed record JobFilter(JobStatus? Status = null, string? Ip = null, double? After = null, string? User = null)
{
    /// <summary>Gets the filter that keeps every job.</summary>
    public static JobFilter None { get; } = new();

    /// <summary>Tells whether <paramref name="job"/> passes every criterion.</summary>
    /// <param name="job">The job to test.</param>
    /// <returns><see langword="true"/> if it passes.</returns>
    public bool Matches(JobRecord job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return (Status is null || job.Status == Status)
            && (Ip is null || string.Equals(job.Ip, Ip, StringComparison.Ordinal))
            && (After is null || job.Timestamp > After)
            && (User is null || string.Equals(job.User, User, StringComparison.Ordinal));
    }
}
