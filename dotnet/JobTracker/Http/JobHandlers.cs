using System.Buffers;
using JobTracker.Serialization;
using JobTracker.Storage;

namespace JobTracker.Http;

/// <summary>
/// The logic of <c>GET /sdapi/v1/job/{id}</c> and <c>GET /sdapi/v1/jobs</c>: the <see cref="JobGate"/> first
/// (credentials, ownership), then validation, then the answer. Every reply is JSON.
/// </summary>
/// <param name="store">The jobs.</param>
/// <param name="details">Writes a single job.</param>
/// <param name="gate">Decides who may see what.</param>
public sealed class JobHandlers(JobStore store, JobDetailsWriter details, JobGate gate)
{
    /// <summary>Answers <c>GET /sdapi/v1/job/{id}</c>.</summary>
    /// <param name="jobId">The ID from the path, untrusted.</param>
    /// <param name="query">The raw query string without '?'; <c>images=false</c> leaves the base64 out.</param>
    /// <param name="headers">The request's header lines.</param>
    /// <param name="body">Receives the reply body.</param>
    /// <returns>The reply head.</returns>
    public ReplyHead GetJob(string? jobId, string? query, string? headers, IBufferWriter<byte> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (gate.Open(jobId, headers, body, out var job) is { } refused)
        {
            return refused;
        }

        var includeImages = true;
        if (QueryString.Parse(query)["images"] is { } images && !TryParseFlag(images, out includeImages))
        {
            return JsonReplies.BadRequest("images must be true or false", body);
        }

        details.Write(job!, includeImages, body);
        return ReplyHead.Json(200);
    }

    /// <summary>Answers <c>GET /sdapi/v1/jobs</c> with a newest-first JSON array.</summary>
    /// <param name="query">The raw query string without '?'.</param>
    /// <param name="headers">The request's header lines.</param>
    /// <param name="body">Receives the reply body.</param>
    /// <returns>The reply head.</returns>
    public ReplyHead ListJobs(string? query, string? headers, IBufferWriter<byte> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (gate.Admit(headers, body, out var caller) is { } refused)
        {
            return refused;
        }

        if (!ListQuery.TryParse(QueryString.Parse(query), out var list, out var problem))
        {
            return JsonReplies.BadRequest(problem, body);
        }

        var jobs = store.Newest(list.Filter with { User = caller.OwnJobsOnly }, list.Limit);
        var items = new JobSummary[jobs.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = JobSummary.Of(jobs[i]);
        }

        JsonReplies.Serialize(body, items, TrackerJsonContext.Default.JobSummaryArray);
        return ReplyHead.Json(200);
    }

    private static bool TryParseFlag(string text, out bool value)
    {
        value = text.Equals("true", StringComparison.OrdinalIgnoreCase) || text == "1";
        return value || text.Equals("false", StringComparison.OrdinalIgnoreCase) || text == "0";
    }
}
