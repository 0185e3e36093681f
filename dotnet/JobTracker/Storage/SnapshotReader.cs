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

    /// <summary>Snapshots from this size on are read in two halves on two threads.</summary>
    public const long ParallelFrom = 4 << 20;

    /// <summary>Reads the whole snapshot.</summary>
    /// <exception cref="SnapshotCorruptException">The file is not a JSON array of records.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static SnapshotContent Read(string path)
    {
        // Start-up waits for this, so a large file is parsed in two halves at once. The tracker writes one record
        // per line ("},\n{" between records), so the second half starts at such a line; if the first half does not
        // end exactly on a record there (a hand-formatted file), the second half's result is dropped.
        if (new FileInfo(path).Length >= ParallelFrom && FindSplit(path) is { } split)
        {
            var tail = Task.Run(() => ReadPart(path, split + 3, long.MaxValue, continuesArray: true));
            SnapshotContent? head;
            try
            {
                head = ReadPart(path, 0, split + 1, continuesArray: false);
            }
            catch
            {
                // The caller moves an unreadable file aside: the tail must have let go of it first.
                Abandon(tail);
                throw;
            }

            if (head is not null)
            {
                var rest = tail.GetAwaiter().GetResult()!;
                head.Jobs.AddRange(rest.Jobs);
                head.Problems.AddRange(rest.Problems);
                head.OriginalRecords += rest.OriginalRecords;
                return head;
            }

            Abandon(tail);
        }

        return ReadPart(path, 0, long.MaxValue, continuesArray: false)!;
    }

    /// <summary>Waits for a second half whose result no longer matters: neither its records nor its failure mean anything.</summary>
    private static void Abandon(Task<SnapshotContent?> tail)
    {
        Task.WaitAny(tail);
        _ = tail.Exception;
    }

    /// <summary>The offset of a "},\n{" near the middle of the file, or <see langword="null"/>.</summary>
    private static long? FindSplit(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        var middle = file.Length / 2;
        var window = new byte[64 * 1024];
        file.Position = middle;
        var read = file.ReadAtLeast(window, window.Length, throwOnEndOfStream: false);
        var at = window.AsSpan(0, read).IndexOf("},\n{"u8);
        return at < 0 ? null : middle + at;
    }

    /// <summary>
    /// Reads the records from <paramref name="start"/> to <paramref name="end"/> (the end of the file when it is
    /// <see cref="long.MaxValue"/>). With <paramref name="continuesArray"/>, the part starts at a record inside the
    /// array rather than at its opening bracket.
    /// </summary>
    /// <returns>The part's records, or <see langword="null"/> if a part that stops before the end of the file does not stop right after a record.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static SnapshotContent? ReadPart(string path, long start, long end, bool continuesArray)
    {
        var content = new SnapshotContent();
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0, FileOptions.SequentialScan);
        file.Position = start;
        var remaining = end == long.MaxValue ? long.MaxValue : end - start;
        var isWholeFile = start == 0 && end == long.MaxValue;
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            var records = new JobRecordReader();
            var state = new JsonReaderState(new JsonReaderOptions());
            var phase = Phase.Start;
            var filled = 0;
            if (continuesArray)
            {
                buffer[filled++] = (byte)'[';
            }

            var exhausted = false;
            while (true)
            {
                exhausted = Fill(file, buffer, ref filled, ref remaining) || exhausted;
                if (isWholeFile && phase == Phase.Start && exhausted && buffer.AsSpan(0, filled).Trim(" \t\r\n"u8).IsEmpty)
                {
                    return content;
                }

                var final = exhausted && end == long.MaxValue;
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

                if (exhausted)
                {
                    return phase == Phase.Records && reader.BytesConsumed == filled && reader.CurrentDepth == 1 ? content : null;
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

    /// <summary>Fills the rest of the buffer from the file, reading at most <paramref name="remaining"/> bytes.</summary>
    /// <returns><see langword="true"/> at the end of the file or of the part.</returns>
    private static bool Fill(FileStream file, byte[] buffer, ref int filled, ref long remaining)
    {
        while (filled < buffer.Length)
        {
            if (remaining == 0)
            {
                return true;
            }

            var read = file.Read(buffer, filled, (int)Math.Min(buffer.Length - filled, remaining));
            if (read == 0)
            {
                return true;
            }

            filled += read;
            remaining -= remaining == long.MaxValue ? 0 : read;
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
