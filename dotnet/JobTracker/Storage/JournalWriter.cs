using System.Buffers;
using JobTracker.Diagnostics;

namespace JobTracker.Storage;

/// <summary>
/// Appends one line per change to the journal and hands it to the operating system at once
/// (no fsync: a killed process loses nothing, a power cut may lose the last lines).
/// A failed write is logged once and retried on the next change with a reopened file; the change itself
/// lives on in memory and <see cref="JobStore"/> saves it with the next snapshot.
/// Not thread-safe; <see cref="JobStore"/> calls it under its writer lock, never under the lock of its jobs.
/// </summary>
internal sealed class JournalWriter(string path, FailureLatch failures, Func<string, Stream> open) : IDisposable
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private readonly ArrayBufferWriter<byte> _line = new(1024);
    private Stream? _stream;
    private bool _needsNewLine;

    /// <summary>Gets the number of lines in the journal file.</summary>
    public int Lines { get; private set; }

    /// <summary>Continues an existing journal of <paramref name="lines"/> lines; <paramref name="endsTorn"/> if its last line has no newline.</summary>
    public void Resume(int lines, bool endsTorn)
    {
        Lines = lines;
        _needsNewLine = endsTorn;
    }

    /// <summary>Appends a record line; <see langword="false"/> if it could not be written.</summary>
    public bool AppendRecord(JobRecord job)
    {
        _line.ResetWrittenCount();
        StoreRecordCodec.WriteRecord(_line, job);
        return Append();
    }

    /// <summary>Appends the change from <paramref name="previous"/> to <paramref name="next"/> as a delta line; <see langword="false"/> if it could not be written.</summary>
    public bool AppendDelta(JobRecord previous, JobRecord next)
    {
        _line.ResetWrittenCount();
        StoreRecordCodec.WriteDelta(_line, previous, next);
        return Append();
    }

    /// <summary>Appends a deletion line; <see langword="false"/> if it could not be written.</summary>
    public bool AppendDeletion(string id)
    {
        _line.ResetWrittenCount();
        StoreRecordCodec.WriteDeletion(_line, id);
        return Append();
    }

    /// <summary>Closes the file so it can be renamed; the next append creates a new one.</summary>
    public void Close()
    {
        _stream?.Dispose();
        _stream = null;
    }

    /// <summary>Starts counting a fresh, empty journal.</summary>
    public void Restart()
    {
        Close();
        Lines = 0;
        _needsNewLine = false;
    }

    public void Dispose() => Close();

    private bool Append()
    {
        try
        {
            _stream ??= open(path);
            if (_needsNewLine)
            {
                // A torn last line from a crash must not swallow the next record.
                _stream.Write(NewLine);
                _needsNewLine = false;
            }

            // One write per line, so a kill leaves at worst one torn line at the end.
            _line.Write(NewLine);
            _stream.Write(_line.WrittenSpan);
            _stream.Flush();
            Lines++;
            failures.Succeed();
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Close();
            _needsNewLine = true;
            failures.Fail($"cannot append to {path}: {ex.Message}; until this is fixed, changes are kept in memory and saved once the disk takes writes again");
            return false;
        }
    }
}
