using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace JobTracker.Storage;

/// <summary>
/// Reads <c>jobs.json</c>: a JSON array of job records in the tracker's format or the original
/// extension's. A record that is valid JSON but unusable (no ID, wrong types) is skipped and reported;
/// a file that is not a JSON array at all throws <see cref="SnapshotCorruptException"/>.
/// The file is streamed through one pooled buffer rather than read whole: a 100,000-job snapshot is tens of
/// megabytes, and a buffer that size would stay in the process as garbage long after start-up.
/// </summary>
internal static class SnapshotReader
{
    /// <summary>The initial buffer; it doubles when a single record does not fit.</summary>
    public const int ChunkSize = 256 * 1024;

    private enum Phase
    {
        Start,
        Records,
        End,
        Done,
    }

    /// <summary>Reads the whole snapshot.</summary>
    /// <exception cref="SnapshotCorruptException">The file is not a JSON array of records.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static SnapshotContent Read(string path)
    {
        // One pass on one thread: it runs once per launch, and 100,000 jobs open well inside the start-up bar
        // (parsing two halves on two threads saved about a tenth of the start-up and cost memory; README, Performance).
        var content = new SnapshotContent();
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0, FileOptions.SequentialScan);
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            var records = new JobRecordReader();
            var state = new JsonReaderState(new JsonReaderOptions());
            var phase = Phase.Start;
            var filled = 0;
            while (true)
            {
                var final = Fill(file, buffer, ref filled);
                if (phase == Phase.Start && final && buffer.AsSpan(0, filled).Trim(" \t\r\n"u8).IsEmpty)
                {
                    return content;
                }

                var reader = new Utf8JsonReader(buffer.AsSpan(0, filled), final, state);
                phase = ReadChunk(ref reader, buffer.AsSpan(0, filled), phase, records, content);
                if (phase == Phase.Done)
                {
                    return content;
                }

                if (final)
                {
                    throw new SnapshotCorruptException("the JSON array is not closed properly");
                }

                state = reader.CurrentState;
                var consumed = (int)reader.BytesConsumed;
                if (consumed == 0 && filled == buffer.Length)
                {
                    buffer = Grow(buffer, filled);
                    continue;
                }

                buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                filled -= consumed;
            }
        }
        catch (JsonException ex)
        {
            throw new SnapshotCorruptException(ex.Message, ex);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Fills the rest of the buffer from the file.</summary>
    /// <returns><see langword="true"/> at the end of the file.</returns>
    private static bool Fill(FileStream file, byte[] buffer, ref int filled)
    {
        while (filled < buffer.Length)
        {
            var read = file.Read(buffer, filled, buffer.Length - filled);
            if (read == 0)
            {
                return true;
            }

            filled += read;
        }

        return false;
    }

    private static byte[] Grow(byte[] buffer, int filled)
    {
        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
        buffer.AsSpan(0, filled).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }

    /// <summary>Reads every whole record the chunk holds; stops before a record that the chunk cuts.</summary>
    /// <returns>Where the next chunk carries on.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Phase ReadChunk(ref Utf8JsonReader reader, ReadOnlySpan<byte> chunk, Phase phase, JobRecordReader records, SnapshotContent content)
    {
        if (phase == Phase.Start)
        {
            if (!reader.Read())
            {
                return Phase.Start;
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new SnapshotCorruptException("the file is not a JSON array");
            }

            phase = Phase.Records;
        }

        while (phase == Phase.Records)
        {
            var before = reader;
            if (!reader.Read())
            {
                return Phase.Records;
            }

            if (reader.TokenType == JsonTokenType.EndArray)
            {
                phase = Phase.End;
                break;
            }

            if (!TryReadRecord(ref reader, chunk, records, content))
            {
                reader = before;
                return Phase.Records;
            }
        }

        if (reader.Read())
        {
            throw new SnapshotCorruptException("the JSON array is not closed properly");
        }

        return reader.IsFinalBlock ? Phase.Done : Phase.End;
    }

    /// <summary>Reads the record the reader is on, if the chunk holds all of it.</summary>
    /// <returns><see langword="false"/> if the chunk cuts the record (the caller rewinds and reads more).</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryReadRecord(ref Utf8JsonReader reader, ReadOnlySpan<byte> chunk, JobRecordReader records, SnapshotContent content)
    {
        // One pass over the record, as it is almost always whole; a record the chunk cuts reads short
        // (ends before its closing brace) and is read again from the next chunk.
        var start = reader;
        var depth = reader.CurrentDepth;
        try
        {
            var record = records.Read(ref reader);
            if (start.TokenType != JsonTokenType.StartObject || (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth))
            {
                Add(record, content);
                return true;
            }

            if (reader.IsFinalBlock)
            {
                throw new SnapshotCorruptException("the JSON array is not closed properly");
            }

            return false;
        }
        catch (InvalidOperationException) when (!reader.IsFinalBlock)
        {
            // A record that skips a value (an unknown field, a value of the wrong type) cannot be read from a
            // partial chunk: read it on its own once the chunk is known to hold all of it.
            reader = start;
            var begin = (int)reader.TokenStartIndex;
            if (!reader.TrySkip())
            {
                return false;
            }

            Add(records.ReadLine(chunk[begin..(int)reader.BytesConsumed]), content);
            return true;
        }
    }

    private static void Add(RecordLine record, SnapshotContent content)
    {
        if (record.Job is { } job)
        {
            content.Jobs.Add(job);
            content.OriginalRecords += record.IsOriginalFormat ? 1 : 0;
        }
        else
        {
            content.Problems.Add(record.Problem ?? "a journal line (deletion or update) does not belong in a snapshot");
        }
    }
}
