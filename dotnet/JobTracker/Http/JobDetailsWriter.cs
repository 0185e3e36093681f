using System.Buffers;
using System.Text.Json;
using JobTracker.Diagnostics;
using JobTracker.Images;
using JobTracker.Recovery;
using JobTracker.Serialization;
using JobTracker.Storage;
using JobTracker.Webhooks;

namespace JobTracker.Http;

/// <summary>
/// Writes the body of <c>GET /sdapi/v1/job/{id}</c>. Image files are base64-encoded straight from a
/// pooled buffer into the output, so no large intermediate strings exist. A file that is missing
/// or unreadable is left out and logged.
/// </summary>
/// <param name="output">The tracker's image folder.</param>
/// <param name="dataDirectory">The folder relative legacy paths are resolved against when they are not under the working folder (the WebUI's).</param>
/// <param name="log">Where missing files are reported.</param>
internal sealed class JobDetailsWriter(OutputFolder output, string dataDirectory, ITrackerLog log)
{
    private readonly JobImageLocator _images = new(output, dataDirectory);

    /// <summary>The largest image file served; larger ones are left out and logged.</summary>
    public const int MaxImageBytes = 256 * 1024 * 1024;

    /// <summary>Gets the webhook deliveries whose state the job object shows as <c>webhook</c>; <see langword="null"/> leaves it out.</summary>
    internal WebhookDispatcher? Webhooks { get; init; }

    /// <summary>Gets the tracker's image folder.</summary>
    public OutputFolder Output => output;

    /// <summary>Writes the job as JSON.</summary>
    /// <param name="job">The job.</param>
    /// <param name="includeImages">Whether to include <c>images</c> (base64); <c>image_count</c> is always there.</param>
    /// <param name="body">Receives the body.</param>
    public void Write(JobRecord job, bool includeImages, IBufferWriter<byte> body) => Write(job, includeImages, null, body);

    /// <summary>Writes the job as JSON with its live fields <c>queue_position</c>, <c>progress</c> and <c>eta_seconds</c>.</summary>
    /// <param name="job">The job.</param>
    /// <param name="includeImages">Whether to include <c>images</c> (base64); <c>image_count</c> and <c>image_urls</c> are always there.</param>
    /// <param name="progress">The live fields, or <see langword="null"/> to leave them out.</param>
    /// <param name="body">Receives the body.</param>
    public void Write(JobRecord job, bool includeImages, JobProgress? progress, IBufferWriter<byte> body)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(body);
        using var writer = new Utf8JsonWriter(body);
        writer.WriteStartObject();
        writer.WriteString("id", job.Id);
        writer.WriteString("prompt", job.Prompt);
        writer.WriteString("status", job.Status.ToString());
        writer.WriteNumber("timestamp", job.Timestamp);
        if (includeImages)
        {
            writer.WriteStartArray("images");
            foreach (var path in _images.Paths(job))
            {
                WriteImage(writer, job.Id, path);
            }

            writer.WriteEndArray();
        }

        WriteStringOrNull(writer, "kind", job.Kind);
        writer.WriteString("negative_prompt", job.NegativePrompt);
        WriteNumberOrNull(writer, "created", job.Created);
        WriteNumberOrNull(writer, "started", job.Started);
        WriteNumberOrNull(writer, "finished", job.Finished);
        WriteStringOrNull(writer, "error", job.Error);
        writer.WriteBoolean("cancelled", Cancellation.JobCancellation.IsCancelled(job));
        writer.WriteNumber("image_count", JobSummary.ImageCountOf(job));
        WriteInfo(writer, job);
        writer.WriteStartArray("image_urls");
        if (job.LegacyOutputPaths is null)
        {
            for (var i = 0; i < job.Images.Count; i++)
            {
                writer.WriteStringValue(ImageUrl(job.Id, i));
            }
        }

        writer.WriteEndArray();
        if (progress is not null)
        {
            WriteNumberOrNull(writer, "queue_position", progress.QueuePosition);
            WriteNumberOrNull(writer, "progress", progress.Progress);
            WriteNumberOrNull(writer, "eta_seconds", progress.EtaSeconds);
        }

        if (Webhooks?.Find(job.Id) is { } webhook)
        {
            WebhookStateJson.WriteMember(writer, webhook); // Webhooks: the delivery state, only for jobs that asked for one.
        }

        writer.WriteEndObject();
    }

    /// <summary>The path of a job's n-th image: <c>/sdapi/v1/job/&lt;id&gt;/images/&lt;n&gt;</c>.</summary>
    /// <param name="jobId">The job ID.</param>
    /// <param name="index">The image's index, from 0.</param>
    /// <returns>The path, relative to the WebUI's root.</returns>
    public static string ImageUrl(string jobId, int index) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"/sdapi/v1/job/{jobId}/images/{index}");

    private void WriteImage(Utf8JsonWriter writer, string jobId, string? path)
    {
        if (path is null || !_images.MayRead(path))
        {
            log.Write($"job {jobId} names an image that is not a regular file ({path ?? "outside " + output.Path}); it is not served");
            return;
        }

        byte[]? rented = null;
        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
            var length = RandomAccess.GetLength(handle);
            if (length > MaxImageBytes)
            {
                log.Write($"image {Path.GetFileName(path)} of job {jobId} is larger than {MaxImageBytes} bytes; it is not served");
                return;
            }

            rented = ArrayPool<byte>.Shared.Rent((int)length);
            var read = 0;
            while (read < length)
            {
                var n = RandomAccess.Read(handle, rented.AsSpan(read, (int)length - read), read);
                if (n == 0)
                {
                    break;
                }

                read += n;
            }

            writer.WriteBase64StringValue(rented.AsSpan(0, read));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            log.Write($"image {Path.GetFileName(path)} of job {jobId} cannot be read ({ex.GetType().Name}: {ex.Message}); it is left out");
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private void WriteInfo(Utf8JsonWriter writer, JobRecord job)
    {
        var bytes = ReadInfo(job);
        if (bytes is not null && JsonText.IsObject(bytes))
        {
            writer.WritePropertyName("info");
            writer.WriteRawValue(bytes, skipInputValidation: true);
        }
        else
        {
            writer.WriteNull("info");
        }
    }

    private byte[]? ReadInfo(JobRecord job)
    {
        if (job.InfoFile is null)
        {
            return null;
        }

        if (!output.TryResolveStored(job.InfoFile, out var path))
        {
            log.Write($"job {job.Id} names an info file that is not a regular file in {output.Path}; it is not served");
            return null;
        }

        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            log.Write($"info of job {job.Id} cannot be read ({ex.GetType().Name}: {ex.Message}); \"info\" is null");
            return null;
        }
    }

    private static void WriteStringOrNull(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteNumberOrNull(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
