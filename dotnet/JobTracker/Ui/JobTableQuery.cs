using JobTracker.Storage;

namespace JobTracker.Ui;

/// <summary>What the tab's jobs table shows: a status, a search text, a page and its size, all validated.</summary>
/// <param name="Status">Only jobs in this status, or <see langword="null"/> for all.</param>
/// <param name="Search">Text the ID or the prompt must contain (case-insensitive); empty for all.</param>
/// <param name="Page">The page, from 1.</param>
/// <param name="PageSize">Jobs per page, <see cref="MinPageSize"/> to <see cref="MaxPageSize"/>.</param>
internal sealed record JobTableQuery(JobStatus? Status, string Search, int Page, int PageSize)
{
    /// <summary>The fewest jobs per page.</summary>
    public const int MinPageSize = 1;

    /// <summary>The most jobs per page.</summary>
    public const int MaxPageSize = 100;

    /// <summary>The longest search text; longer input is cut.</summary>
    public const int MaxSearchLength = 200;

    /// <summary>Reads the tab's inputs; anything out of range is brought into range rather than refused.</summary>
    /// <param name="status">"All", "" or a status name (case-insensitive); anything else means all.</param>
    /// <param name="search">The search box; trimmed and cut to <see cref="MaxSearchLength"/>.</param>
    /// <param name="page">The page; below 1 becomes 1.</param>
    /// <param name="pageSize">Jobs per page; clamped to <see cref="MinPageSize"/>..<see cref="MaxPageSize"/>.</param>
    /// <returns>The query.</returns>
    public static JobTableQuery From(string? status, string? search, int page, int pageSize)
    {
        JobStatus? wanted = JobStatusExtensions.TryParseName(status?.Trim(), out var parsed) ? parsed : null;
        var text = (search ?? string.Empty).Trim();
        if (text.Length > MaxSearchLength)
        {
            text = text[..MaxSearchLength];
        }

        return new JobTableQuery(wanted, text, Math.Max(1, page), Math.Clamp(pageSize, MinPageSize, MaxPageSize));
    }

    /// <summary>Tells whether the job's ID or prompt contains <see cref="Search"/>.</summary>
    /// <param name="job">The job.</param>
    /// <returns><see langword="true"/> when it matches (always, with no search text).</returns>
    public bool MatchesSearch(JobRecord job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return Search.Length == 0
            || job.Id.Contains(Search, StringComparison.OrdinalIgnoreCase)
            || job.Prompt.Contains(Search, StringComparison.OrdinalIgnoreCase);
    }
}
