using System.Buffers;
using System.Text;
using System.Text.Json;
using JobTracker.Serialization;

namespace JobTracker.Tracking;

/// <summary>
/// Reads a request body in one forward pass (no document is built: img2img bodies hold megabytes of
/// base64) and adds <c>force_task_id</c> as its last member without re-serializing it.
/// </summary>
internal static class RequestBody
{
    private static ReadOnlySpan<byte> Prompt => "prompt"u8;

    private static ReadOnlySpan<byte> NegativePrompt => "negative_prompt"u8;

    /// <summary>Reads the body if it is exactly one valid JSON object.</summary>
    public static bool TryInspect(ReadOnlySpan<byte> body, out RequestFacts facts)
    {
        facts = default;
        try
        {
            var reader = new Utf8JsonReader(body, JsonLimits.ReaderOptions);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            string prompt = string.Empty, negative = string.Empty;
            var members = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                members++;
                var isPrompt = reader.ValueTextEquals(Prompt);
                var isNegative = !isPrompt && reader.ValueTextEquals(NegativePrompt);
                reader.Read();
                if (isPrompt || isNegative)
                {
                    // A non-string prompt counts as none. Python's json keeps the last duplicate key, and so do we.
                    var text = reader.TokenType == JsonTokenType.String ? reader.GetString()! : string.Empty;
                    if (isPrompt)
                    {
                        prompt = text;
                    }
                    else
                    {
                        negative = text;
                    }
                }

                reader.Skip();
            }

            var close = (int)reader.TokenStartIndex;
            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return false;
            }

            facts = new RequestFacts(prompt, negative, close, members > 0);
            return true;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a string that is not valid UTF-8; A1111 refuses such a body too.
            return false;
        }
    }

    /// <summary>Writes the body with <c>"force_task_id":"&lt;id&gt;"</c> inserted before the closing brace.</summary>
    public static void WriteWithTaskId(ReadOnlySpan<byte> body, RequestFacts facts, string id, IBufferWriter<byte> output)
    {
        var insertion = Encoding.ASCII.GetBytes((facts.HasMembers ? ",\"force_task_id\":\"" : "\"force_task_id\":\"") + id + "\"");
        var length = body.Length + insertion.Length;
        var span = output.GetSpan(length);
        body[..facts.CloseIndex].CopyTo(span);
        insertion.CopyTo(span[facts.CloseIndex..]);
        body[facts.CloseIndex..].CopyTo(span[(facts.CloseIndex + insertion.Length)..]);
        output.Advance(length);
    }
}
