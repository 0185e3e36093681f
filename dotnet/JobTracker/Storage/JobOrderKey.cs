using System.Runtime.CompilerServices;

namespace JobTracker.Storage;

/// <summary>
/// A job's place in creation order: whole seconds first (so "timestamp after X" is a range),
/// then the precise creation time, then the ID to break ties.
/// </summary>
/// <param name="Timestamp">The job's <see cref="JobRecord.Timestamp"/>.</param>
/// <param name="Created">The job's <see cref="JobRecord.CreationTime"/>.</param>
/// <param name="Id">The job's ID.</param>
internal readonly record struct JobOrderKey(long Timestamp, double Created, string Id) : IComparable<JobOrderKey>
{
    /// <summary>Gets a key after every real job.</summary>
    public static JobOrderKey Max { get; } = new(long.MaxValue, double.PositiveInfinity, string.Empty);

    public static JobOrderKey Of(JobRecord job) => new(job.Timestamp, job.CreationTime(), job.Id);

    /// <summary>The first key whose timestamp is strictly greater than <paramref name="after"/>, or null if none can be.</summary>
    public static JobOrderKey? FirstAfter(double after)
    {
        var next = Math.Floor(after) + 1;
        if (next >= long.MaxValue)
        {
            return null;
        }

        return new JobOrderKey(next <= long.MinValue ? long.MinValue : (long)next, double.NegativeInfinity, string.Empty);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int CompareTo(JobOrderKey other)
    {
        var byTimestamp = Timestamp.CompareTo(other.Timestamp);
        if (byTimestamp != 0)
        {
            return byTimestamp;
        }

        var byCreated = Created.CompareTo(other.Created);
        return byCreated != 0 ? byCreated : string.CompareOrdinal(Id, other.Id);
    }

    public static bool operator <(JobOrderKey left, JobOrderKey right) => left.CompareTo(right) < 0;

    public static bool operator >(JobOrderKey left, JobOrderKey right) => left.CompareTo(right) > 0;

    public static bool operator <=(JobOrderKey left, JobOrderKey right) => left.CompareTo(right) <= 0;

    public static bool operator >=(JobOrderKey left, JobOrderKey right) => left.CompareTo(right) >= 0;
}
