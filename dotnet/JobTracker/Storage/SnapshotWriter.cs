using System.Buffers;

namespace JobTracker.Storage;

/// <summary>
/// Writes <c>jobs.json</c> crash-safely: a JSON array with one record per line goes to a temporary
/// file (created private and exclusively, never through a link), which is flushed to disk and then renamed over the old snapshot.
/// </summary>
internal static class SnapshotWriter
{
    public static void Write(StoreFiles files, IReadOnlyList<JobRecord> jobs)
    {
        var record = new ArrayBufferWriter<byte>(4096);
        using (var stream = new BufferedStream(PrivateFiles.CreateNew(files.SnapshotTemp), 1 << 16))
        {
            stream.Write("[\n"u8);
            for (var i = 0; i < jobs.Count; i++)
            {
                record.ResetWrittenCount();
                StoreRecordCodec.WriteRecord(record, jobs[i]);
                stream.Write(record.WrittenSpan);
                stream.Write(i + 1 < jobs.Count ? ",\n"u8 : "\n"u8);
            }

            stream.Write("]\n"u8);
            stream.Flush();
            ((FileStream)stream.UnderlyingStream).Flush(flushToDisk: true);
        }

        File.Move(files.SnapshotTemp, files.Snapshot, overwrite: true);
    }
}
