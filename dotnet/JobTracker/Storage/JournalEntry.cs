namespace JobTracker.Storage;

/// <summary>
/// One change waiting for the journal, queued under the store's lock in the order the changes were made and
/// written in that order under the writer's lock: a job record, a delta between two records, a deletion, or the
/// start of a compaction (the journal is detached there, and <see cref="Jobs"/> become the new snapshot).
/// </summary>
internal sealed class JournalEntry
{
    private JournalEntry()
    {
    }

    public JobRecord? Previous { get; private init; }

    public JobRecord? Job { get; private init; }

    public string? DeletedId { get; private init; }

    public IReadOnlyList<JobRecord>? Jobs { get; private init; }

    /// <summary>A whole record (a new job, or a change a delta cannot say).</summary>
    public static JournalEntry Record(JobRecord job) => new() { Job = job };

    /// <summary>A change of an existing job: a delta when <see cref="JobDelta.Covers"/> allows, else the whole record.</summary>
    public static JournalEntry Change(JobRecord previous, JobRecord next) =>
        JobDelta.Covers(previous, next) ? new() { Previous = previous, Job = next } : Record(next);

    /// <summary>A removed job.</summary>
    public static JournalEntry Deletion(string id) => new() { DeletedId = id };

    /// <summary>The start of a compaction with the jobs of that moment, oldest first.</summary>
    public static JournalEntry Compaction(IReadOnlyList<JobRecord> jobs) => new() { Jobs = jobs };
}
