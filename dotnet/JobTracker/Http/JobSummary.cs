using JobTracker.Storage;

namespace JobTracker.Http;

/// <summary>One item of <c>GET /sdapi/v1/jobs</c>; never holds images or file paths.</summary>
/// <param name="Id">The job ID.</param>
/// <param name="Prompt">The prompt.</param>
/// <param name="Ip">The client address.</param>
/// <param name="Status">The status name.</param>
/// <param name="Timestamp">The creation time in whole unix seconds.</param>
/// <param name="Kind">"txt2img", "img2img", or null for imported jobs.</param>
/// <param name="Created">The creation time in unix seconds, or null.</param>
/// <param name="Started">When generation started, or null.</param>
/// <param name="Finished">When A1111 answered, or null.</param>
/// <param name="Error">Why the job failed, or null.</param>
/// <param name="ImageCount">How many images the job has.</param>
internal sealed record JobSummary(
    string Id,
    string Prompt,
    string Ip,
    JobStatus Status,
    long Timestamp,
    string? Kind,
    double? Created,
    double? Started,
    double? Finished,
    string? Error,
    int ImageCount)
{
    /// <summary>Summarizes a job.</summary>
    /// <param name="job">The job.</param>
    /// <returns>The summary.</returns>
    public static JobSummary Of(JobRecord job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return new(job.Id, job.Prompt, job.Ip, job.Status, job.Timestamp, job.Kind, job.Created, job.Started, job.Finished,
            job.Error, ImageCountOf(job));
    }

    /// <summary>How many images a job has: its stored images, or its legacy paths for imported jobs.</summary>
    /// <param name="job">The job.</param>
    /// <returns>The count.</returns>
    public static int ImageCountOf(JobRecord job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.LegacyOutputPaths?.Count ?? job.Images.Count;
    }
}
