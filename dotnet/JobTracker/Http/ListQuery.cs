using System.Globalization;
using JobTracker.Storage;

namespace JobTracker.Http;

/// <summary>The validated parameters of <c>GET /sdapi/v1/jobs?ip=&amp;status=&amp;after=&amp;limit=</c>.</summary>
/// <param name="Filter">The filter built from <c>ip</c>, <c>status</c> and <c>after</c>.</param>
/// <param name="Limit">The most jobs to return.</param>
public sealed record ListQuery(JobFilter Filter, int Limit)
{
    /// <summary>The default of <see cref="Limit"/>.</summary>
    public const int DefaultLimit = 50;

    /// <summary>The smallest accepted <see cref="Limit"/>.</summary>
    public const int MinLimit = 1;

    /// <summary>The largest accepted <see cref="Limit"/>.</summary>
    public const int MaxLimit = 500;

    /// <summary>Validates the query; unknown parameters are ignored, a repeated one keeps its last value.</summary>
    /// <param name="query">The parsed query string.</param>
    /// <param name="result">The validated query.</param>
    /// <param name="problem">Why the query was refused.</param>
    /// <returns><see langword="true"/> if the query is valid.</returns>
    public static bool TryParse(QueryString query, out ListQuery result, out string problem)
    {
        ArgumentNullException.ThrowIfNull(query);
        result = new ListQuery(JobFilter.None, DefaultLimit);
        problem = string.Empty;

        JobStatus? status = null;
        if (query["status"] is { } statusText)
        {
            if (!JobStatusExtensions.TryParseName(statusText, out var parsed))
            {
                problem = "status must be one of: pending, processing, completed, failed";
                return false;
            }

            status = parsed;
        }

        double? after = null;
        if (query["after"] is { } afterText)
        {
            if (!double.TryParse(afterText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed)
                || !double.IsFinite(parsed) || parsed < 0)
            {
                problem = "after must be a unix time in seconds (a number, 0 or more)";
                return false;
            }

            after = parsed;
        }

        var limit = DefaultLimit;
        if (query["limit"] is { } limitText
            && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < MinLimit or > MaxLimit))
        {
            problem = $"limit must be a whole number from {MinLimit} to {MaxLimit}";
            return false;
        }

        result = new ListQuery(new JobFilter(status, query["ip"], after), limit);
        return true;
    }
}
