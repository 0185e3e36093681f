using System.Buffers;
using System.Text;

namespace JobTracker.Tracking;

/// <summary>
/// Reads a request body as A1111 does (<see cref="PythonJsonText"/>, <see cref="PythonJsonObject"/>): the same bytes get
/// the same verdict, so every body A1111 would run is tracked. The tracker's <c>force_task_id</c> is added as the
/// object's last member without re-serializing it, so it wins over one the client sent (Python keeps the last key).
/// </summary>
internal static class RequestBody
{
    /// <summary>Reads the body if Python's <c>json.loads</c> reads it as exactly one JSON object.</summary>
    public static bool TryInspect(ReadOnlySpan<byte> body, out RequestFacts facts)
    {
        facts = default;
        if (!PythonJsonText.TryDecode(body, out var offset, out var transcoded))
        {
            return false;
        }

        var text = transcoded is null ? body[offset..] : transcoded;
        if (!PythonJsonObject.TryRead(text, out var read))
        {
            return false;
        }

        facts = transcoded is null ? read with { CloseIndex = read.CloseIndex + offset } : read with { Transcoded = transcoded };
        return true;
    }

    /// <summary>
    /// Writes the body with <c>"force_task_id":"&lt;id&gt;"</c> inserted before the closing brace; a UTF-16 or UTF-32 body
    /// is written as UTF-8 (the same text: Python reads both alike).
    /// </summary>
    public static void WriteWithTaskId(ReadOnlySpan<byte> body, RequestFacts facts, string id, IBufferWriter<byte> output)
    {
        var source = facts.Transcoded is { } transcoded ? transcoded : body;
        var insertion = Encoding.ASCII.GetBytes((facts.HasMembers ? ",\"force_task_id\":\"" : "\"force_task_id\":\"") + id + "\"");
        var length = source.Length + insertion.Length;
        var span = output.GetSpan(length);
        source[..facts.CloseIndex].CopyTo(span);
        insertion.CopyTo(span[facts.CloseIndex..]);
        source[facts.CloseIndex..].CopyTo(span[(facts.CloseIndex + insertion.Length)..]);
        output.Advance(length);
    }
}
