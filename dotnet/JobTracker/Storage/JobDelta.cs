using JobTracker.Images;

namespace JobTracker.Storage;

/// <summary>
/// A change of the fields a job's life changes (status, times, error, images, info file), journaled as a short line
/// <c>{"update":"&lt;id&gt;","status":"Processing","started":…}</c> that names only what changed, so a job's
/// prompt is written once (when it is queued) rather than again with every change of status.
/// </summary>
internal sealed class JobDelta
{
    /// <summary>Gets the job the change applies to.</summary>
    public required string Id { get; init; }

    public JobStatus? Status { get; init; }

    public bool HasStarted { get; init; }

    public double? Started { get; init; }

    public bool HasFinished { get; init; }

    public double? Finished { get; init; }

    public bool HasError { get; init; }

    public string? Error { get; init; }

    public bool HasImages { get; init; }

    public StoredImage[]? Images { get; init; }

    public byte[]? ImageFormats { get; init; }

    public bool HasInfoFile { get; init; }

    public string? InfoFile { get; init; }

    public bool InfoFileDerived { get; init; }

    /// <summary>Tells whether <paramref name="next"/> differs from <paramref name="previous"/> only where a delta can say it.</summary>
    public static bool Covers(JobRecord previous, JobRecord next) =>
        previous.Id == next.Id && previous.Kind == next.Kind && previous.Prompt == next.Prompt
        && previous.NegativePrompt == next.NegativePrompt && previous.Ip == next.Ip && previous.User == next.User
        && previous.Timestamp == next.Timestamp && previous.Created == next.Created
        && previous.RequestSha256 == next.RequestSha256 && ReferenceEquals(previous.LegacyOutputPaths, next.LegacyOutputPaths);

    /// <summary>Tells whether two image lists name the same files of the same types.</summary>
    public static bool SameImages(IReadOnlyList<StoredImage> a, IReadOnlyList<StoredImage> b) =>
        ReferenceEquals(a, b) || a.SequenceEqual(b);

    /// <summary>The job with this change applied.</summary>
    public JobRecord ApplyTo(JobRecord job)
    {
        var next = job with
        {
            Status = Status ?? job.Status,
            Started = HasStarted ? Started : job.Started,
            Finished = HasFinished ? Finished : job.Finished,
            Error = HasError ? Error : job.Error,
        };
        if (HasImages)
        {
            next = next with { Images = ImageFormats is { Length: > 0 } formats ? new DerivedImages(job.Id, formats) : Images ?? [] };
        }

        if (HasInfoFile)
        {
            next = next with { InfoFile = InfoFileDerived ? OutputFolder.InfoFileName(job.Id) : InfoFile };
        }

        return next;
    }
}
