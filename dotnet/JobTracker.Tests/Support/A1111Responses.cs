using System.Text;
using System.Text.Json;

namespace JobTracker.Tests.Support;

/// <summary>Response bodies shaped like A1111 v1.10's.</summary>
internal static class A1111Responses
{
    public const string DefaultInfo = "{\"prompt\": \"a cat\", \"seed\": 42, \"infotexts\": [\"a cat\\nSteps: 20\"]}";

    /// <summary>A 200 body: <c>{"images":[base64...],"parameters":{...},"info":"&lt;json string&gt;"}</c>.</summary>
    public static string Success(string? info = DefaultInfo, params byte[][] images)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("images");
            foreach (var image in images)
            {
                writer.WriteBase64StringValue(image);
            }

            writer.WriteEndArray();
            writer.WriteStartObject("parameters");
            writer.WriteString("prompt", "a cat");
            writer.WriteString("force_task_id", "whatever");
            writer.WriteEndObject();
            if (info is null)
            {
                writer.WriteNull("info");
            }
            else
            {
                writer.WriteString("info", info);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>A1111's handle_exception body.</summary>
    public static string Error(string error, string detail, string errors) =>
        JsonSerializerLike(("error", error), ("detail", detail), ("body", string.Empty), ("errors", errors));

    private static string JsonSerializerLike(params (string Name, string Value)[] members)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in members)
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
