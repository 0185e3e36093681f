namespace JobTracker.Storage;

/// <summary>The paths of the store's files in one data folder.</summary>
/// <param name="DataDirectory">The folder holding them (absolute).</param>
internal sealed record StoreFiles(string DataDirectory)
{
    /// <summary>Gets the snapshot: a JSON array of job records, one per line.</summary>
    public string Snapshot => Path.Combine(DataDirectory, "jobs.json");

    /// <summary>Gets the temporary file a new snapshot is written to before it replaces <see cref="Snapshot"/>.</summary>
    public string SnapshotTemp => Snapshot + ".tmp";

    /// <summary>Gets the append-only journal of changes since the snapshot.</summary>
    public string Journal => Path.Combine(DataDirectory, "jobs.journal");

    /// <summary>Gets the journal being folded into a new snapshot (exists only during, or after a crash in, compaction).</summary>
    public string CompactingJournal => Journal + ".compacting";

    /// <summary>Gets the copy of the original extension's <c>jobs.json</c>, made before the tracker first rewrites it.</summary>
    public string OriginalSnapshot => Snapshot + ".original";

    /// <summary>Gets the folder of the tracker's own image files.</summary>
    public string OutputDirectory => Path.Combine(DataDirectory, "output");

    /// <summary>Gets a free name to move an unreadable snapshot to.</summary>
    /// <param name="unixSeconds">The current time, part of the name.</param>
    /// <returns>A path that does not exist yet, like <c>jobs.json.corrupt-1736712000</c>.</returns>
    public string CorruptSnapshot(long unixSeconds)
    {
        var path = $"{Snapshot}.corrupt-{unixSeconds}";
        for (var n = 1; File.Exists(path); n++)
        {
            path = $"{Snapshot}.corrupt-{unixSeconds}-{n}";
        }

        return path;
    }
}
