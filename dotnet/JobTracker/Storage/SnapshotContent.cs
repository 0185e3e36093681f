namespace JobTracker.Storage;

/// <summary>The jobs a snapshot held, and why any record was skipped.</summary>
internal sealed class SnapshotContent
{
    public List<JobRecord> Jobs { get; } = [];

    public List<string> Problems { get; } = [];

    /// <summary>How many records were written by the original Python extension.</summary>
    public int OriginalRecords { get; set; }
}
