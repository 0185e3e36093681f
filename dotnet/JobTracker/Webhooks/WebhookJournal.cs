using System.Buffers;
using System.Text.Json;
using JobTracker.Diagnostics;
using JobTracker.Ids;
using JobTracker.Images;

namespace JobTracker.Webhooks;

/// <summary>
/// <c>webhooks.journal</c> in the data folder: one JSON line per change of a delivery (the whole delivery, a few hundred
/// bytes) or <c>{"id":…,"deleted":true}</c>; the last line of a job wins. It is rewritten with only the live deliveries
/// when it has grown to several lines per delivery. Kept apart from the job store so that webhooks neither widen
/// every job record nor touch the store's format. Not thread-safe; <see cref="WebhookDispatcher"/> calls it under its lock.
/// </summary>
internal sealed class WebhookJournal : IDisposable
{
    /// <summary>The file's name in the data folder.</summary>
    public const string FileName = "webhooks.journal";

    private const int MinRewriteLines = 64;
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    private readonly string _path;
    private readonly FailureLatch _failures;
    private readonly ArrayBufferWriter<byte> _line = new(512);
    private FileStream? _stream;

    /// <summary>Initializes a new instance of the <see cref="WebhookJournal"/> class.</summary>
    /// <param name="dataDirectory">The data folder.</param>
    /// <param name="log">Where failures are reported.</param>
    public WebhookJournal(string dataDirectory, ITrackerLog log)
    {
        _path = Path.Combine(dataDirectory, FileName);
        _failures = new FailureLatch(log, "writing " + FileName);
    }

    /// <summary>Gets the number of lines in the file.</summary>
    public int Lines { get; private set; }

    /// <summary>Reads the deliveries; lines that are not whole (a torn last line after a crash) or not valid are skipped.</summary>
    /// <param name="log">Where skipped lines are reported.</param>
    /// <returns>The deliveries by job ID.</returns>
    public Dictionary<string, WebhookDelivery> Load(ITrackerLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var deliveries = new Dictionary<string, WebhookDelivery>(StringComparer.Ordinal);
        string[] lines;
        try
        {
            lines = File.Exists(_path) ? File.ReadAllLines(_path) : [];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            log.Write($"cannot read {_path} ({ex.Message}); pending webhook deliveries are not resumed");
            return deliveries;
        }

        var skipped = 0;
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                continue;
            }

            if (!TryReadLine(line, out var id, out var delivery))
            {
                skipped++;
                continue;
            }

            if (delivery is null)
            {
                deliveries.Remove(id);
            }
            else
            {
                deliveries[id] = delivery;
            }
        }

        if (skipped > 0)
        {
            log.Write($"{_path}: {skipped} unreadable line(s) skipped");
        }

        Lines = lines.Length;
        return deliveries;
    }

    /// <summary>Appends the delivery's current state.</summary>
    /// <param name="delivery">The delivery.</param>
    public void Append(WebhookDelivery delivery)
    {
        _line.ResetWrittenCount();
        WriteLine(_line, delivery);
        Write(_line.WrittenSpan);
    }

    /// <summary>Appends that the job has no webhook any more.</summary>
    /// <param name="jobId">The job ID.</param>
    public void AppendDeletion(string jobId)
    {
        _line.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(_line))
        {
            writer.WriteStartObject();
            writer.WriteString("id", jobId);
            writer.WriteBoolean("deleted", true);
            writer.WriteEndObject();
        }

        _line.Write(NewLine);
        Write(_line.WrittenSpan);
    }

    /// <summary>Tells whether the file holds so many superseded lines that it should be rewritten.</summary>
    /// <param name="live">How many deliveries are live.</param>
    /// <returns><see langword="true"/> if it should.</returns>
    public bool IsLong(int live) => Lines > Math.Max(MinRewriteLines, 4 * live);

    /// <summary>Replaces the file with one line per delivery (a whole new file renamed over the old one).</summary>
    /// <param name="deliveries">The live deliveries.</param>
    public void Rewrite(IReadOnlyCollection<WebhookDelivery> deliveries)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        var content = new ArrayBufferWriter<byte>(Math.Max(256, deliveries.Count * 256));
        foreach (var delivery in deliveries)
        {
            WriteLine(content, delivery);
        }

        Close();
        try
        {
            AtomicFile.WriteAll(_path, content.WrittenSpan);
            Lines = deliveries.Count;
            _failures.Succeed();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _failures.Fail($"cannot rewrite {_path}: {ex.Message}; it keeps its older lines, which say the same");
        }
    }

    /// <summary>Closes the file.</summary>
    public void Dispose() => Close();

    private static void WriteLine(ArrayBufferWriter<byte> output, WebhookDelivery delivery)
    {
        using (var writer = new Utf8JsonWriter(output))
        {
            writer.WriteStartObject();
            writer.WriteString("id", delivery.JobId);
            WebhookStateJson.WritePublicMembers(writer, delivery);
            writer.WriteBoolean("gave_up", delivery.GaveUp);
            writer.WriteEndObject();
        }

        output.Write(NewLine);
    }

    private static bool TryReadLine(string line, out string id, out WebhookDelivery? delivery)
    {
        id = string.Empty;
        delivery = null;
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("id", out var idElement)
                || idElement.GetString() is not { } jobId || !JobId.IsWellFormed(jobId))
            {
                return false;
            }

            id = jobId;
            if (root.TryGetProperty("deleted", out var deleted) && deleted.ValueKind == JsonValueKind.True)
            {
                return true;
            }

            if (!root.TryGetProperty("url", out var url) || url.GetString() is not { } urlText)
            {
                return false;
            }

            delivery = new WebhookDelivery(jobId, urlText)
            {
                Attempts = root.TryGetProperty("attempts", out var attempts) && attempts.TryGetInt32(out var count) && count >= 0 ? count : 0,
                LastStatus = root.TryGetProperty("last_status", out var status) && status.ValueKind == JsonValueKind.Number && status.TryGetInt32(out var code) ? code : null,
                LastError = root.TryGetProperty("last_error", out var error) && error.ValueKind == JsonValueKind.String ? error.GetString() : null,
                Delivered = root.TryGetProperty("delivered", out var delivered) && delivered.ValueKind == JsonValueKind.True,
                GaveUp = root.TryGetProperty("gave_up", out var gaveUp) && gaveUp.ValueKind == JsonValueKind.True,
                NextAttempt = root.TryGetProperty("next_attempt", out var next) && next.ValueKind == JsonValueKind.Number && next.TryGetDouble(out var due) && double.IsFinite(due) ? due : null,
            };
            return true;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    private void Write(ReadOnlySpan<byte> bytes)
    {
        try
        {
            _stream ??= new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 0);
            _stream.Write(bytes);
            _stream.Flush();
            Lines++;
            _failures.Succeed();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Close();
            _failures.Fail($"cannot append to {_path}: {ex.Message}; webhook deliveries go on, but a restart may not resume them");
        }
    }

    private void Close()
    {
        _stream?.Dispose();
        _stream = null;
    }
}
