using System.Globalization;
using System.Text;
using JobTracker.Ids;
using JobTracker.Storage;

namespace JobTracker.Http;

/// <summary>The validated parameters of <c>GET /sdapi/v1/jobs?ip=&amp;status=&amp;after=&amp;limit=&amp;before=</c>.</summary>
/// <param name="Filter">The filter built from <c>ip</c>, <c>status</c> and <c>after</c>.</param>
/// <param name="Limit">The most jobs to return.</param>
internal sealed record ListQuery(JobFilter Filter, int Limit)
{
    /// <summary>The default of <see cref="Limit"/>.</summary>
    public const int DefaultLimit = 50;

    /// <summary>The smallest accepted <see cref="Limit"/>.</summary>
    public const int MinLimit = 1;

    /// <summary>The route the list answers, for the links to its next page.</summary>
    public const string Route = "/sdapi/v1/jobs";

    /// <summary>Gets the ID of the last job of the previous page: only jobs older than it are listed; <see langword="null"/> for the first page.</summary>
    public string? Before { get; init; }

    /// <summary>
    /// Validates the query; unknown parameters are ignored, a repeated one keeps its last value. Any positive whole
    /// <c>limit</c> is accepted, as the original extension did (one too large for a 32-bit number means "all").
    /// </summary>
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
        if (query["limit"] is { } limitText && !TryParseLimit(limitText, out limit))
        {
            problem = $"limit must be a whole number from {MinLimit}";
            return false;
        }

        var before = query["before"];
        if (before is not null && !JobId.IsWellFormed(before))
        {
            problem = "before must be a job ID (8 characters A-Z, a-z, 0-9): the last job of the previous page";
            return false;
        }

        result = new ListQuery(new JobFilter(status, query["ip"], after), limit) { Before = before };
        return true;
    }

    /// <summary>The link to the page after one that ended with job <paramref name="lastId"/>: the same query with <c>before</c>.</summary>
    /// <param name="lastId">The ID of the page's last (oldest) job.</param>
    /// <returns>A path with its query, e.g. <c>/sdapi/v1/jobs?status=completed&amp;limit=50&amp;before=A3f9K2xY</c>.</returns>
    public string NextPage(string lastId)
    {
        var link = new StringBuilder(Route).Append('?');
        if (Filter.Status is { } status)
        {
            link.Append("status=").Append(status.ToString().ToLowerInvariant()).Append('&');
        }

        if (Filter.Ip is { } ip)
        {
            link.Append("ip=").Append(Uri.EscapeDataString(ip)).Append('&');
        }

        if (Filter.After is { } after)
        {
            link.Append("after=").Append(after.ToString(CultureInfo.InvariantCulture)).Append('&');
        }

        return link.Append("limit=").Append(Limit.ToString(CultureInfo.InvariantCulture))
            .Append("&before=").Append(lastId).ToString();
    }

    private static bool TryParseLimit(string text, out int limit)
    {
        limit = 0;
        if (text.Length == 0 || text.AsSpan().ContainsAnyExceptInRange('0', '9') || text.AsSpan().TrimStart('0').IsEmpty)
        {
            return false;
        }

        limit = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : int.MaxValue;
        return true;
    }
}
