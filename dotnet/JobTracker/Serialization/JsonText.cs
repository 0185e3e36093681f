using System.Text.Json;

namespace JobTracker.Serialization;

/// <summary>Checks on raw UTF-8 JSON text without building a document.</summary>
internal static class JsonText
{
    /// <summary>The JSON whitespace characters.</summary>
    public static ReadOnlySpan<byte> Whitespace => " \t\r\n"u8;

    /// <summary>Tells whether <paramref name="utf8"/> is exactly one valid JSON object (whitespace around it allowed).</summary>
    public static bool IsObject(ReadOnlySpan<byte> utf8)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8, JsonLimits.ReaderOptions);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
