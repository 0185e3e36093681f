using System.Text.Json;

namespace JobTracker.Storage;

/// <summary>
/// Recovers the intact records of an unreadable <c>jobs.json</c>. The tracker writes one record per line,
/// so a file cut short or damaged in the middle still holds every other job line by line.
/// </summary>
internal static class SnapshotSalvage
{
    /// <summary>Puts every readable record line of <paramref name="path"/> into <paramref name="index"/>.</summary>
    /// <returns>How many jobs were recovered.</returns>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static int Recover(string path, JobIndex index)
    {
        var bytes = File.ReadAllBytes(path).AsSpan();
        var records = new JobRecordReader();
        var recovered = 0;
        while (!bytes.IsEmpty)
        {
            var end = bytes.IndexOf((byte)'\n');
            var line = (end < 0 ? bytes : bytes[..end]).Trim(" \t\r"u8);
            bytes = end < 0 ? [] : bytes[(end + 1)..];
            if (line.Length > 0 && line[^1] == (byte)',')
            {
                line = line[..^1];
            }

            if (line.Length < 2 || line[0] != (byte)'{')
            {
                continue;
            }

            try
            {
                if (records.ReadLine(line).Job is { } job)
                {
                    index.Put(job);
                    recovered++;
                }
            }
            catch (JsonException)
            {
                // A damaged line: that record is what the corruption took; the copy moved aside keeps its bytes.
                continue;
            }
        }

        return recovered;
    }
}
