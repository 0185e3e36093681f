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

    /// <summary>Writes the <see cref="JobDelta"/> line from <paramref name="previous"/> to <paramref name="next"/> (see <see cref="JobDelta.Covers"/>).</summary>
    public static void WriteDelta(IBufferWriter<byte> output, JobRecord previous, JobRecord next)
    {
        using var writer = new Utf8JsonWriter(output, FileWriterOptions);
        writer.WriteStartObject();
        writer.WriteString("update", next.Id);
        if (previous.Status != next.Status)
        {
            writer.WriteString("status", next.Status.ToString());
        }

        if (previous.Started != next.Started)
        {
            WriteSeconds(writer, "started", next.Started);
        }

        if (previous.Finished != next.Finished)
        {
            WriteSeconds(writer, "finished", next.Finished);
        }

        if (previous.Error != next.Error)
        {
            writer.WriteString("error", next.Error);
        }

        if (!JobDelta.SameImages(previous.Images, next.Images))
        {
            writer.WriteStartArray("images");
            foreach (var image in next.Images)
            {
                writer.WriteStartObject();
                writer.WriteString("file", image.File);
                writer.WriteString("content_type", image.ContentType);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (previous.InfoFile != next.InfoFile)
        {
            writer.WriteString("info_file", next.InfoFile);
        }

        writer.WriteEndObject();
    }

    public static void WriteDeletion(IBufferWriter<byte> output, string id)
    {
        using var writer = new Utf8JsonWriter(output, FileWriterOptions);
        JsonSerializer.Serialize(writer, new JournalDeletion(id), TrackerJsonContext.Default.JournalDeletion);
    }

    private static void WriteSeconds(Utf8JsonWriter writer, string name, double? seconds)
    {
        if (seconds is { } value)
        {
            writer.WriteNumber(name, value);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
