namespace JobTracker.Storage;

/// <summary>One record read from the snapshot or the journal: a job, a deletion, an update, or a reason it is unusable.</summary>
/// <param name="Job">The job, when the record is usable.</param>
/// <param name="DeletedId">The removed job's ID, for a journal deletion line.</param>
/// <param name="Problem">Why the record cannot be used.</param>
/// <param name="IsOriginalFormat">Whether the record was written by the original Python extension.</param>
internal readonly record struct RecordLine(JobRecord? Job, string? DeletedId, string? Problem, bool IsOriginalFormat = false)
{
    /// <summary>Gets the change of a journal update line, applied to the job it names.</summary>
    public JobDelta? Delta { get; init; }
}
