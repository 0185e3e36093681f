using JobTracker.Diagnostics;

namespace JobTracker.Storage;

/// <summary>
/// Loads <c>jobs.json</c> at start-up without ever losing it: an unreadable file is moved aside to
/// <c>jobs.json.corrupt-&lt;unix time&gt;</c> and its intact record lines are recovered, and a file with
/// unusable records is copied there before the next compaction could replace it.
/// </summary>
internal static class SnapshotLoader
{
    /// <summary>Puts the snapshot's jobs into <paramref name="index"/>.</summary>
    /// <returns><see langword="false"/> if the snapshot could not be preserved and so must never be overwritten.</returns>
    public static bool Load(StoreFiles files, JobIndex index, ITrackerLog log, TimeProvider time)
    {
        if (!File.Exists(files.Snapshot))
        {
            return true;
        }

        SnapshotContent content;
        try
        {
            content = SnapshotReader.Read(files.Snapshot);
        }
        catch (SnapshotCorruptException ex)
        {
            return MoveAside(files, index, log, time, ex.Message);
        }

        index.EnsureCapacity(content.Jobs.Count);
        foreach (var job in content.Jobs)
        {
            index.Put(job);
        }

        if (content.OriginalRecords > 0 && !KeepOriginal(files, log, content.OriginalRecords))
        {
            return false;
        }

        return content.Problems.Count == 0 || KeepCopy(files, log, time, content.Problems);
    }

    // The original extension's file is imported, never lost: the first compaction rewrites jobs.json in
    // the tracker's format, so its exact bytes are kept beside it (once) for going back to that extension.
    private static bool KeepOriginal(StoreFiles files, ITrackerLog log, int records)
    {
        if (File.Exists(files.OriginalSnapshot))
        {
            return true;
        }

        try
        {
            File.Copy(files.Snapshot, files.OriginalSnapshot);
            log.Write($"imported {records} job(s) from the original extension's {files.Snapshot}; its exact content is kept in {files.OriginalSnapshot}");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            log.Write($"imported {records} job(s) from the original extension's {files.Snapshot} but could not copy it ({ex.Message}); " +
                      "it is left untouched and the journal is not compacted until a copy can be made");
            return false;
        }
    }

    private static bool MoveAside(StoreFiles files, JobIndex index, ITrackerLog log, TimeProvider time, string reason)
    {
        var aside = files.CorruptSnapshot(time.GetUtcNow().ToUnixTimeSeconds());
        try
        {
            File.Move(files.Snapshot, aside);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            log.Write($"{files.Snapshot} is unreadable ({reason}) and could not be moved aside ({ex.Message}); " +
                      "it is left untouched and the journal is not compacted until the file is fixed or removed");
            Salvage(files.Snapshot, index, log);
            return false;
        }

        var recovered = Salvage(aside, index, log);
        log.Write($"{files.Snapshot} is unreadable ({reason}); moved it to {aside}, recovered {recovered} job(s) " +
                  "from its intact lines, then replayed the journal");
        return true;
    }

    private static int Salvage(string path, JobIndex index, ITrackerLog log)
    {
        try
        {
            return SnapshotSalvage.Recover(path, index);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            log.Write($"cannot read {path} to recover its jobs: {ex.Message}");
            return 0;
        }
    }

    private static bool KeepCopy(StoreFiles files, ITrackerLog log, TimeProvider time, List<string> problems)
    {
        var copy = files.CorruptSnapshot(time.GetUtcNow().ToUnixTimeSeconds());
        try
        {
            File.Copy(files.Snapshot, copy);
            log.Write($"{files.Snapshot}: skipped {problems.Count} unusable job record(s), first: {problems[0]}; " +
                      $"the original file was copied to {copy}");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            log.Write($"{files.Snapshot}: skipped {problems.Count} unusable job record(s), first: {problems[0]}; " +
                      $"no copy could be made ({ex.Message}), so the journal is not compacted until the file is fixed");
            return false;
        }
    }
}
