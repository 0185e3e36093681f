namespace JobTracker.Storage;

/// <summary>Helpers for <see cref="JobStatus"/>.</summary>
internal static class JobStatusExtensions
{
    private static readonly (string Name, JobStatus Value)[] Names =
    [
        (nameof(JobStatus.Pending), JobStatus.Pending),
        (nameof(JobStatus.Processing), JobStatus.Processing),
        (nameof(JobStatus.Completed), JobStatus.Completed),
        (nameof(JobStatus.Failed), JobStatus.Failed),
    ];

    /// <summary>Tells whether a job in <paramref name="status"/> will change no more.</summary>
    /// <param name="status">The status to test.</param>
    /// <returns><see langword="true"/> for <see cref="JobStatus.Completed"/> and <see cref="JobStatus.Failed"/>.</returns>
    public static bool IsFinal(this JobStatus status) => status is JobStatus.Completed or JobStatus.Failed;

    /// <summary>Parses a status name case-insensitively ("completed", "Completed", ...); numbers are refused.</summary>
    /// <param name="text">The name.</param>
    /// <param name="status">The status when the name is known.</param>
    /// <returns><see langword="true"/> if <paramref name="text"/> names a status.</returns>
    public static bool TryParseName(string? text, out JobStatus status)
    {
        status = default;
        if (text is null)
        {
            return false;
        }

        foreach (var (name, value) in Names)
        {
            if (text.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                status = value;
                return true;
            }
        }

        return false;
    }
}
