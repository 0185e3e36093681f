using JobTracker.Diagnostics;

namespace JobTracker.Storage;

/// <summary>
/// The file side of folding the journal into a new snapshot, crash-safe at every step:
/// <list type="number">
/// <item>(under the store's lock) <c>jobs.journal</c> becomes <c>jobs.journal.compacting</c>, or is appended
/// to one an earlier failed compaction left, and a fresh journal starts;</item>
/// <item>(on a background task) the jobs of that moment are written to <c>jobs.json.tmp</c>, flushed to disk
/// and renamed over <c>jobs.json</c>;</item>
/// <item>only then is <c>jobs.journal.compacting</c> deleted.</item>
/// </list>
/// Start-up replays snapshot, <c>.compacting</c>, journal; every line is idempotent, so a crash anywhere loses nothing.
/// </summary>
/// <param name="files">The store's files.</param>
/// <param name="failures">Reports a failing compaction once.</param>
internal sealed class Compactor(StoreFiles files, FailureLatch failures)
{
    /// <summary>Step 1; the journal must be closed. Returns false (and logs) if the journal could not be moved.</summary>
    public bool DetachJournal()
    {
        try
        {
            if (File.Exists(files.CompactingJournal))
            {
                AppendJournalToCompacting();
            }
            else if (File.Exists(files.Journal))
            {
                File.Move(files.Journal, files.CompactingJournal);
            }

            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            failures.Fail($"cannot compact {files.Journal}: {ex.Message}; it keeps growing until this is fixed");
            return false;
        }
    }

    /// <summary>Steps 2 and 3, for the jobs captured when the journal was detached.</summary>
    /// <returns><see langword="false"/> (logged once) if the snapshot could not be written.</returns>
    public bool WriteSnapshot(IReadOnlyList<JobRecord> jobs)
    {
        try
        {
            SnapshotWriter.Write(files, jobs);
            File.Delete(files.CompactingJournal);
            failures.Succeed();
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The .compacting journal stays; the next compaction appends to it and retries.
            failures.Fail($"cannot write {files.Snapshot}: {ex.Message}; the journal keeps every change until this is fixed");
            TryDelete(files.SnapshotTemp);
            return false;
        }
    }

    private void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            failures.Fail($"cannot remove the unfinished {path}: {ex.Message}");
        }
    }

    private void AppendJournalToCompacting()
    {
        if (!File.Exists(files.Journal))
        {
            return;
        }

        var needsNewLine = EndsWithoutNewLine(files.CompactingJournal);
        using (var output = new FileStream(files.CompactingJournal, FileMode.Append, FileAccess.Write, FileShare.None))
        {
            if (needsNewLine)
            {
                // A torn last line must not swallow the first appended record.
                output.WriteByte((byte)'\n');
            }

            using var input = new FileStream(files.Journal, FileMode.Open, FileAccess.Read, FileShare.Read);
            input.CopyTo(output);
            output.Flush(flushToDisk: true);
        }

        File.Delete(files.Journal);
    }

    private static bool EndsWithoutNewLine(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (stream.Length == 0)
        {
            return false;
        }

        stream.Seek(-1, SeekOrigin.End);
        return stream.ReadByte() != '\n';
    }
}
