using JobTracker.Storage;

namespace JobTracker.Security;

/// <summary>Who is asking, as far as the job routes are concerned.</summary>
/// <param name="Outcome">The decision on the request's credentials.</param>
/// <param name="User">The verified <c>--api-auth</c> user, or <see langword="null"/> when none is required or given.</param>
/// <param name="SeesAllJobs">Whether every job is visible (no isolation, or an admin), rather than only the caller's own.</param>
internal sealed record Caller(AuthOutcome Outcome, string? User, bool SeesAllJobs)
{
    /// <summary>Gets the user whose jobs alone the caller may list, or <see langword="null"/> for all jobs.</summary>
    public string? OwnJobsOnly => SeesAllJobs ? null : User ?? string.Empty;

    /// <summary>Tells whether the caller may see <paramref name="job"/>.</summary>
    /// <param name="job">The job.</param>
    /// <returns><see langword="true"/> if every job is visible or the caller created this one.</returns>
    public bool MayRead(JobRecord job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return MayReadJobOf(job.User);
    }

    /// <summary>Tells whether the caller may see a job (stored or only reserved) created by <paramref name="owner"/>.</summary>
    /// <param name="owner">The job's user, or <see langword="null"/> for a job without one.</param>
    /// <returns><see langword="true"/> if every job is visible or the caller is the owner.</returns>
    public bool MayReadJobOf(string? owner) =>
        SeesAllJobs || (User is not null && string.Equals(owner, User, StringComparison.Ordinal));
}
