using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using JobTracker.Serialization;

namespace JobTracker.Storage;

/// <summary>Writes single job records and journal lines as UTF-8 JSON (reading is <see cref="JobRecordReader"/>'s job).</summary>
internal static class StoreRecordCodec
{
    // Files are for humans too: keep non-ASCII prompts readable. Control characters are still
    // escaped, so a record never contains a raw newline and stays one line.
    private static readonly JsonWriterOptions FileWriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = false,
    };

    public static void WriteRecord(IBufferWriter<byte> output, JobRecord job)
    {
        using var writer = new Utf8JsonWriter(output, FileWriterOptions);
        JsonSerializer.Serialize(writer, job, TrackerJsonContext.Default.JobRecord);
    }

    public static void WriteDeletion(IBufferWriter<byte> output, string id)
    {
        using var writer = new Utf8JsonWriter(output, FileWriterOptions);
        JsonSerializer.Serialize(writer, new JournalDeletion(id), TrackerJsonContext.Default.JournalDeletion);
    }
}
