using JobTracker.Storage;

namespace JobTracker.Tests.Support;

/// <summary>Builds job records for store tests.</summary>
internal static class Jobs
{
    public const long BaseTime = 1_736_726_400;

    public static JobRecord Record(string id, JobStatus status = JobStatus.Completed, double created = BaseTime, string ip = "10.0.0.1", string prompt = "a cat") => new()
    {
        Id = id,
        Kind = "txt2img",
        Prompt = prompt,
        Ip = ip,
        Status = status,
        Timestamp = (long)Math.Floor(created),
        Created = created,
        Started = status == JobStatus.Pending ? null : created + 1,
        Finished = status.IsFinal() ? created + 2 : null,
        Images = status == JobStatus.Completed ? [new StoredImage(id + "-0.png", "image/png")] : [],
        InfoFile = status == JobStatus.Completed ? id + "-info.json" : null,
    };

    /// <summary>Sequential well-formed IDs: AAAA0000, AAAA0001, ...</summary>
    public static string Id(int n) => "AAAA" + n.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A comparable text form of a record (records hold lists, which compare by reference).</summary>
    public static string Canonical(JobRecord job) =>
        string.Join(
            " | ",
            job.Id,
            job.Kind,
            job.Prompt,
            job.NegativePrompt,
            job.Ip,
            job.User,
            job.Status,
            job.Timestamp,
            job.Created,
            job.Started,
            job.Finished,
            job.Error,
            string.Join(",", job.Images.Select(i => i.File + ":" + i.ContentType)),
            job.InfoFile,
            job.LegacyOutputPaths is null ? "<null>" : string.Join(",", job.LegacyOutputPaths));

    public static string[] Canonical(IEnumerable<JobRecord> jobs) => jobs.Select(Canonical).ToArray();
}
