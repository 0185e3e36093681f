using System.Buffers;
using System.Text;
using System.Text.Json;

namespace JobTracker.Tests.Support;

/// <summary>Byte/text helpers for bodies.</summary>
internal static class Utf8
{
    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    public static string Text(ArrayBufferWriter<byte> writer) => Encoding.UTF8.GetString(writer.WrittenSpan);

    public static string Text(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);

    public static JsonElement Json(ArrayBufferWriter<byte> writer) => Json(writer.WrittenSpan);

    public static JsonElement Json(ReadOnlySpan<byte> bytes)
    {
        using var document = JsonDocument.Parse(bytes.ToArray());
        return document.RootElement.Clone();
    }

    public static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
