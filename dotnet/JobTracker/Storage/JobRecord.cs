using JobTracker.Images;

namespace JobTracker.Storage;

/// <summary>
/// One tracked job as stored in <c>jobs.json</c> and the journal (property names in snake_case).
/// Immutable: changes make a copy with <c>with</c>, so a snapshot can be written outside the store's lock.
/// The compact storage is invisible from outside: every property reads back what was set, whatever the order of
/// the initializers (a name derived from the ID is made again from the ID it was set with), times are
/// <see cref="Nullable{T}"/> and refuse a non-finite value, and two records are equal when their properties are.
/// </summary>
internal sealed record JobRecord
{
    // A store holds 100,000 jobs, so the names that follow from the ID (<id>-<n>.<ext>, <id>-info.json) and the
    // request's digest are kept compactly; a record whose values do not follow the pattern keeps them as given.
    private const string InfoSuffix = "-info.json";

    private readonly string _id = string.Empty;
    private readonly IReadOnlyList<StoredImage> _explicitImages = [];
    private readonly byte[]? _imageFormats;
    private readonly string? _explicitInfoFile;
    private readonly bool _hasDerivedInfoFile;
    private readonly string? _explicitRequestSha256;
    private readonly Sha256Digest? _requestSha256;

    // Times as plain doubles with NaN for "none": a double? takes twice the room. The setters refuse NaN and the
    // infinities, so NaN never means anything but "none".
    private readonly double _created = double.NaN;
    private readonly double _started = double.NaN;
    private readonly double _finished = double.NaN;

    /// <summary>Initializes a new instance of the <see cref="JobRecord"/> class with every property.</summary>
    public JobRecord()
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="JobRecord"/> class from the store's reader, every property at once
    /// (call it with named arguments). Names the reader found to follow <paramref name="id"/> arrive in their compact
    /// form, so no string is made for them: <paramref name="imageFormats"/> instead of <paramref name="images"/>,
    /// <paramref name="infoFileDerived"/> instead of <paramref name="infoFile"/>, <paramref name="requestDigest"/>
    /// instead of <paramref name="requestSha256"/>.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    internal JobRecord(
        string id, string? kind, string prompt, string negativePrompt, string ip, string? user, JobStatus status, long timestamp,
        double? created, double? started, double? finished, string? error, IReadOnlyList<StoredImage> images, byte[]? imageFormats,
        string? infoFile, bool infoFileDerived, string? requestSha256, Sha256Digest? requestDigest, IReadOnlyList<string>? legacyOutputPaths)
    {
        Id = id; // before the names: with none set yet, this only stores the ID
        Kind = kind;
        Prompt = prompt;
        NegativePrompt = negativePrompt;
        Ip = ip;
        User = user;
        Status = status;
        Timestamp = timestamp;
        Created = created;
        Started = started;
        Finished = finished;
        Error = error;
        LegacyOutputPaths = legacyOutputPaths;
        (_imageFormats, _explicitImages) = imageFormats is { Length: > 0 } ? (imageFormats, []) : CompactImages(id, images);
        (_hasDerivedInfoFile, _explicitInfoFile) = infoFileDerived ? (true, null) : CompactInfoFile(id, infoFile);
        (_requestSha256, _explicitRequestSha256) = requestDigest is { } digest ? (digest, null) : CompactDigest(requestSha256);
    }

    /// <summary>Gets the 8-character ID.</summary>
    public required string Id
    {
        get => _id;
        init
        {
            // Names derived from the old ID stay what they were: they are files on disk.
            var images = Images;
            var infoFile = InfoFile;
            _id = value;
            (_imageFormats, _explicitImages) = CompactImages(value, images);
            (_hasDerivedInfoFile, _explicitInfoFile) = CompactInfoFile(value, infoFile);
        }
    }

    /// <summary>Gets the route that created the job: "txt2img" or "img2img"; <see langword="null"/> for jobs imported from the original extension.</summary>
    public string? Kind { get; init; }

    /// <summary>Gets the prompt of the request ("" when it had none).</summary>
    public string Prompt { get; init; } = string.Empty;

    /// <summary>Gets the negative prompt of the request ("" when it had none).</summary>
    public string NegativePrompt { get; init; } = string.Empty;

    /// <summary>Gets the client address the request came from.</summary>
    public string Ip { get; init; } = string.Empty;

    /// <summary>Gets the HTTP Basic user name the request carried, or <see langword="null"/>.</summary>
    public string? User { get; init; }

    /// <summary>Gets the current status.</summary>
    public JobStatus Status { get; init; }

    /// <summary>Gets the creation time in whole unix seconds (the original extension's field).</summary>
    public long Timestamp { get; init; }

    /// <summary>Gets the creation time in unix seconds with fraction, or <see langword="null"/> for imported jobs.</summary>
    public double? Created
    {
        get => double.IsNaN(_created) ? null : _created;
        init => _created = Finite(value, nameof(Created));
    }

    /// <summary>Gets when generation started, in unix seconds, or <see langword="null"/>.</summary>
    public double? Started
    {
        get => double.IsNaN(_started) ? null : _started;
        init => _started = Finite(value, nameof(Started));
    }

    /// <summary>Gets when A1111 answered, in unix seconds, or <see langword="null"/>.</summary>
    public double? Finished
    {
        get => double.IsNaN(_finished) ? null : _finished;
        init => _finished = Finite(value, nameof(Finished));
    }

    /// <summary>Gets why the job failed, or <see langword="null"/>.</summary>
    public string? Error { get; init; }

    /// <summary>Gets the stored images in A1111's order.</summary>
    public IReadOnlyList<StoredImage> Images
    {
        get => _imageFormats is { } formats ? new DerivedImages(_id, formats) : _explicitImages;
        init => (_imageFormats, _explicitImages) = CompactImages(_id, value ?? []);
    }

    /// <summary>
    /// Gets the name of the file in the output folder that holds A1111's <c>info</c> JSON exactly as received
    /// (<c>&lt;id&gt;-info.json</c>), or <see langword="null"/>. It is a file rather than a field because A1111's
    /// info runs to kilobytes per job, which would make the store slow to load and large in memory.
    /// </summary>
    public string? InfoFile
    {
        get => _hasDerivedInfoFile ? OutputFolder.InfoFileName(_id) : _explicitInfoFile;
        init => (_hasDerivedInfoFile, _explicitInfoFile) = CompactInfoFile(_id, value);
    }

    /// <summary>
    /// Gets the SHA-256 of the request body (lower-case hex), so a retry with the same <c>X-Job-ID</c> can be told
    /// from a different request; <see langword="null"/> for jobs recorded before it was kept.
    /// </summary>
    public string? RequestSha256
    {
        get => _requestSha256?.ToString() ?? _explicitRequestSha256;
        init => (_requestSha256, _explicitRequestSha256) = CompactDigest(value);
    }

    /// <summary>
    /// Gets the image paths of a job imported from the original extension's <c>jobs.json</c>
    /// (served from there, never deleted), or <see langword="null"/> for the tracker's own jobs.
    /// </summary>
    public IReadOnlyList<string>? LegacyOutputPaths { get; init; }


    /// <summary>Gets the time used to order jobs: <see cref="Created"/>, or <see cref="Timestamp"/> when that is missing.</summary>
    /// <returns>Unix seconds.</returns>
    public double CreationTime() => Created ?? Timestamp;

    /// <summary>Tells whether <paramref name="other"/> holds the same job: every property equal, the lists item by item.</summary>
    /// <param name="other">The other record.</param>
    /// <returns><see langword="true"/> if every property is equal.</returns>
    public bool Equals(JobRecord? other) =>
        ReferenceEquals(this, other) || (other is not null
            && _id == other._id && Kind == other.Kind && Prompt == other.Prompt && NegativePrompt == other.NegativePrompt
            && Ip == other.Ip && User == other.User && Status == other.Status && Timestamp == other.Timestamp
            && Created == other.Created && Started == other.Started && Finished == other.Finished && Error == other.Error
            && InfoFile == other.InfoFile && RequestSha256 == other.RequestSha256
            && Images.SequenceEqual(other.Images) && SameItems(LegacyOutputPaths, other.LegacyOutputPaths));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_id, Status, Timestamp, Created, Images.Count);

    private static double Finite(double? value, string name) =>
        value is not { } time ? double.NaN
        : double.IsFinite(time) ? time
        : throw new ArgumentOutOfRangeException(name, time, "a time must be a finite number of unix seconds, or null");

    private static bool SameItems(IReadOnlyList<string>? a, IReadOnlyList<string>? b) =>
        ReferenceEquals(a, b) || (a is not null && b is not null && a.SequenceEqual(b));

    private static (byte[]? Formats, IReadOnlyList<StoredImage> Explicit) CompactImages(string id, IReadOnlyList<StoredImage> images) =>
        images.Count > 0 && id.Length > 0 && DerivedImages.TryDerive(id, images) is { } formats ? (formats, []) : (null, images);

    private static (Sha256Digest? Digest, string? Explicit) CompactDigest(string? value) =>
        Sha256Digest.TryParseLowerHex(value, out var digest) ? (digest, null) : (null, value);

    private static (bool Derived, string? Explicit) CompactInfoFile(string id, string? infoFile) =>
        infoFile is not null && id.Length > 0 && infoFile.Length == id.Length + InfoSuffix.Length
        && infoFile.StartsWith(id, StringComparison.Ordinal) && infoFile.EndsWith(InfoSuffix, StringComparison.Ordinal) ? (true, null) : (false, infoFile);
}
