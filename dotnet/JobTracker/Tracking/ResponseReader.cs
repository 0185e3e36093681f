using System.Text;
using System.Text.Json;
using JobTracker.Serialization;

namespace JobTracker.Tracking;

/// <summary>
/// Reads A1111's response body in one forward pass with <see cref="Utf8JsonReader"/>: the base64
/// <c>images</c> are decoded straight from the buffer and nothing else is materialized.
/// </summary>
internal static class ResponseReader
{
    private enum Member
    {
        Other,
        Images,
        Info,
        Error,
        Detail,
        Errors,
        Message,
    }

    /// <summary>Reads the body; images are decoded only when <paramref name="captureImages"/> is set.</summary>
    public static ResponseContent Read(ReadOnlySpan<byte> body, bool captureImages)
    {
        try
        {
            var reader = new Utf8JsonReader(body, JsonLimits.ReaderOptions);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return ResponseContent.NotAnObject;
            }

            var open = (int)reader.TokenStartIndex;
            var content = new ResponseContent { IsObject = true, OpenIndex = open };
            var members = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                members++;
                var member = Classify(ref reader);
                reader.Read();
                ReadMember(ref reader, body, member, captureImages, content);
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return ResponseContent.NotAnObject;
            }

            content.HasMembers = members > 0;
            return content;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a string that is not valid UTF-8.
            return ResponseContent.NotAnObject;
        }
    }

    private static Member Classify(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("images"u8) ? Member.Images
        : reader.ValueTextEquals("info"u8) ? Member.Info
        : reader.ValueTextEquals("error"u8) ? Member.Error
        : reader.ValueTextEquals("detail"u8) ? Member.Detail
        : reader.ValueTextEquals("errors"u8) ? Member.Errors
        : reader.ValueTextEquals("message"u8) ? Member.Message
        : Member.Other;

    private static void ReadMember(ref Utf8JsonReader reader, ReadOnlySpan<byte> body, Member member, bool captureImages, ResponseContent content)
    {
        switch (member)
        {
            case Member.Images when captureImages && reader.TokenType == JsonTokenType.StartArray:
                ReadImages(ref reader, body, content);
                break;
            case Member.Info:
                // Where the string's raw text lies, so the stored answer can leave it out (the info file holds it).
                content.InfoMembers++;
                content.InfoValueStart = reader.TokenType == JsonTokenType.String ? (int)reader.TokenStartIndex + 1 : -1;
                content.Info = TextOf(ref reader, body);
                content.InfoValueEnd = content.InfoValueStart < 0 ? -1 : content.InfoValueStart + (int)(reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length);
                break;
            case Member.Error:
                content.Error = TextOf(ref reader, body);
                break;
            case Member.Detail:
                content.Detail = TextOf(ref reader, body);
                break;
            case Member.Errors:
                content.Errors = TextOf(ref reader, body);
                break;
            case Member.Message:
                content.Message = TextOf(ref reader, body);
                break;
            default:
                reader.Skip();
                break;
        }
    }

    private static void ReadImages(ref Utf8JsonReader reader, ReadOnlySpan<byte> body, ResponseContent content)
    {
        // A second "images" member (Python keeps the last) cannot be rebuilt from one set of files.
        var rebuildable = content.ImagesArrayStart < 0;
        var start = (int)reader.TokenStartIndex;
        var expected = start + 1;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.String && reader.TryGetBytesFromBase64(out var bytes))
            {
                var at = (int)reader.TokenStartIndex;
                rebuildable &= at == expected && !reader.ValueIsEscaped && IsCanonicalBase64(reader.ValueSpan, bytes);
                expected = at + reader.ValueSpan.Length + 3;
                content.Images.Add(bytes);
            }
            else
            {
                rebuildable = false;
                content.UnreadableImages++;
                reader.Skip();
            }
        }

        var end = (int)reader.TokenStartIndex;
        content.ImagesArrayStart = start;
        content.ImagesArrayEnd = end;
        content.ImagesRebuildable = rebuildable && end == (content.Images.Count == 0 ? start + 1 : expected - 1) && body[end] == (byte)']';
    }

    private static bool IsCanonicalBase64(ReadOnlySpan<byte> text, byte[] bytes)
    {
        var length = System.Buffers.Text.Base64.GetMaxEncodedToUtf8Length(bytes.Length);
        if (length != text.Length)
        {
            return false;
        }

        var rented = System.Buffers.ArrayPool<byte>.Shared.Rent(length);
        try
        {
            System.Buffers.Text.Base64.EncodeToUtf8(bytes, rented, out _, out var written);
            return rented.AsSpan(0, written).SequenceEqual(text);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>A string's text, null for JSON null, otherwise the value's raw JSON text.</summary>
    private static string? TextOf(ref Utf8JsonReader reader, ReadOnlySpan<byte> body)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Null:
                return null;
            default:
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                return Encoding.UTF8.GetString(body[start..(int)reader.BytesConsumed]);
        }
    }
}
