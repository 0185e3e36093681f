using System.Runtime.CompilerServices;
using JobTracker.Ids;

namespace JobTracker.Storage;

/// <summary>
/// The fields of one record as <see cref="JobRecordReader"/> found them, and the rules that turn them into a
/// <see cref="JobRecord"/>: a valid ID and a timestamp are required, an unknown status imports as Failed,
/// and a record of the original extension (no <c>kind</c>, no <c>created</c>) keeps its own image paths.
/// </summary>
internal struct RecordFields
{
    public const int HasStatus = 1;
    public const int HasStarted = 2;
    public const int HasFinished = 4;
    public const int HasError = 8;
    public const int HasImages = 16;
    public const int HasInfoFile = 32;

    public string? Id;
    public string? Kind;
    public string? Prompt;
    public string? NegativePrompt;
    public string? Ip;
    public string? User;
    public string? Status;
    public double? Timestamp;
    public double? Created;
    public double? Started;
    public double? Finished;
    public string? Error;
    public StoredImage[]? Images;
    public byte[]? ImageFormats;
    public string? InfoFile;
    public bool InfoFileDerived;
    public string? RequestSha256;
    public Sha256Digest? RequestDigest;
    public string[]? LegacyOutputPaths;
    public string? OutputPath;
    public string[]? OutputPaths;
    public string? Deleted;
    public string? Problem;

    /// <summary>Which of the fields a <see cref="JobDelta"/> may carry the record named.</summary>
    public int Present;

    /// <summary>Whether the record is a <see cref="JobDelta"/> line (<c>"update"</c> names the job).</summary>
    public bool IsUpdate;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public readonly RecordLine ToLine()
    {
        if (Deleted is not null)
        {
            return new RecordLine(null, Deleted, null);
        }

        if (!JobId.IsWellFormed(Id))
        {
            return new RecordLine(null, null, $"a record's id '{JobId.Sanitize(Id)}' is not a valid job ID");
        }

        if (Problem is not null)
        {
            return new RecordLine(null, null, $"job {Id}: {Problem}");
        }

        if (IsUpdate)
        {
            return ToDelta();
        }

        if ((Timestamp ?? Created) is not { } seconds)
        {
            return new RecordLine(null, null, $"job {Id} has no timestamp");
        }

        var error = Error;
        if (!JobStatusExtensions.TryParseName(Status, out var status))
        {
            status = JobStatus.Failed;
            error ??= $"imported with unknown status '{JobId.Sanitize(Status)}'";
        }

        // The original extension wrote neither "kind" nor "created", and its paths as output_path(s).
        var isOriginal = OutputPaths is not null || OutputPath is not null || (Kind is null && Created is null && LegacyOutputPaths is null);
        return new RecordLine(
            new JobRecord(
                id: Id!,
                kind: Kind,
                prompt: Prompt ?? string.Empty,
                negativePrompt: NegativePrompt ?? string.Empty,
                ip: Ip ?? string.Empty,
                user: User,
                status: status,
                timestamp: (long)Math.Clamp(Math.Floor(seconds), long.MinValue, long.MaxValue),
                created: Created,
                started: Started,
                finished: Finished,
                error: error,
                images: Images ?? [],
                imageFormats: ImageFormats,
                infoFile: InfoFile,
                infoFileDerived: InfoFileDerived,
                requestSha256: RequestSha256,
                requestDigest: RequestDigest,
                legacyOutputPaths: LegacyOutputPaths ?? LegacyPaths()),
            null,
            null,
            isOriginal);
    }

    private readonly RecordLine ToDelta()
    {
        JobStatus? status = null;
        if ((Present & HasStatus) != 0)
        {
            if (!JobStatusExtensions.TryParseName(Status, out var parsed))
            {
                return new RecordLine(null, null, $"job {Id}: an update with unknown status '{JobId.Sanitize(Status)}'");
            }

            status = parsed;
        }

        return new RecordLine(null, null, null)
        {
            Delta = new JobDelta
            {
                Id = Id!,
                Status = status,
                HasStarted = (Present & HasStarted) != 0,
                Started = Started,
                HasFinished = (Present & HasFinished) != 0,
                Finished = Finished,
                HasError = (Present & HasError) != 0,
                Error = Error,
                HasImages = (Present & HasImages) != 0,
                Images = Images,
                ImageFormats = ImageFormats,
                HasInfoFile = (Present & HasInfoFile) != 0,
                InfoFile = InfoFile,
                InfoFileDerived = InfoFileDerived,
            },
        };
    }

    // The original extension wrote neither "kind" nor "created": its records keep their own image paths.
    private readonly string[]? LegacyPaths() =>
        OutputPaths ?? (OutputPath is { Length: > 0 } path ? [path] : Kind is null && Created is null ? [] : null);
}
