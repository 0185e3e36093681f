using System.Runtime.CompilerServices;
using System.Text.Json;

namespace JobTracker.Storage;

/// <summary>
/// Reads <c>jobs.json</c>: a JSON array of job records in the tracker's format or the original
/// extension's. A record that is valid JSON but unusable (no ID, wrong types) is skipped and reported;
/// a file that is not a JSON array at all throws <see cref="SnapshotCorruptException"/>.
/// </summary>
internal static class SnapshotReader
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static SnapshotContent Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var content = new SnapshotContent();
        if (bytes.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
        {
            return content;
        }

        try
        {
            var records = new JobRecordReader();
            var reader = new Utf8JsonReader(bytes);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                throw new SnapshotCorruptException("the file is not a JSON array");
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var record = records.Read(ref reader);
                if (record.Job is { } job)
                {
                    content.Jobs.Add(job);
                    content.OriginalRecords += record.IsOriginalFormat ? 1 : 0;
                }
                else
                {
                    content.Problems.Add(record.Problem ?? "a deletion line does not belong in a snapshot");
                }
            }

            if (reader.TokenType != JsonTokenType.EndArray || reader.Read())
            {
                throw new SnapshotCorruptException("the JSON array is not closed properly");
            }
        }
        catch (JsonException ex)
        {
            throw new SnapshotCorruptException(ex.Message, ex);
        }

        return content;
    }
}
