using System.Text.Json;
using JobTracker.Diagnostics;

namespace JobTracker.Storage;

/// <summary>
/// Replays a journal into a <see cref="JobIndex"/>: a record line replaces the job, an <c>update</c> line
/// (<see cref="JobDelta"/>) sets the fields it names, a <c>deleted</c> line removes it (all idempotent, so replaying
/// a line twice is harmless).
/// A torn last line is ignored; any other unreadable line is skipped; both are logged.
/// </summary>
internal static class JournalReader
{
    public static JournalReplay Replay(string path, JobIndex index, JobRecordReader records, ITrackerLog log)
    {
        if (!File.Exists(path))
        {
            return JournalReplay.Missing;
        }

        var bytes = File.ReadAllBytes(path).AsSpan();
        var endsTorn = bytes.Length > 0 && bytes[^1] != (byte)'\n';
        var lines = 0;
        var lineNumber = 0;
        while (!bytes.IsEmpty)
        {
            lineNumber++;
            var end = bytes.IndexOf((byte)'\n');
            var isLast = end < 0;
            var line = isLast ? bytes : bytes[..end];
            bytes = isLast ? [] : bytes[(end + 1)..];
            if (line.Trim(" \t\r"u8).IsEmpty)
            {
                continue;
            }

            lines++;
            if (Apply(line, index, records) is { } problem)
            {
                log.Write(isLast && endsTorn
                    ? $"{path}: ignored an incomplete last line (the process probably stopped while writing it): {problem}"
                    : $"{path}: skipped unreadable line {lineNumber}: {problem}");
            }
        }

        return new JournalReplay(lines, endsTorn);
    }

    private static string? Apply(ReadOnlySpan<byte> line, JobIndex index, JobRecordReader records)
    {
        RecordLine record;
        try
        {
            record = records.ReadLine(line);
        }
        catch (JsonException ex)
        {
            return ex.Message;
        }

        if (record.DeletedId is { } deleted)
        {
            index.Remove(deleted);
        }
        else if (record.Job is { } job)
        {
            index.Put(job);
        }
        else if (record.Delta is { } delta && index.TryGet(delta.Id, out var current))
        {
            // An update of a job removed since (purged) changes nothing.
            index.Put(delta.ApplyTo(current!));
        }

        return record.Problem;
    }
}
