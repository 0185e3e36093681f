using System.Buffers;
using System.Text;
using System.Text.Json;

namespace JobTracker.Tests.Events;

/// <summary>One block of a <c>text/event-stream</c>, as a client splits it: an event, a comment or a retry line.</summary>
internal sealed record SseText(string? Id, string? Event, string? Data, string? Comment, string? Retry)
{
    public JsonElement Json => JsonDocument.Parse(Data!).RootElement;

    public static List<SseText> Parse(ArrayBufferWriter<byte> output) => Parse(Encoding.UTF8.GetString(output.WrittenSpan));

    public static List<SseText> Parse(string text)
    {
        Assert.That(text.Length == 0 || text.EndsWith("\n\n", StringComparison.Ordinal), Is.True, $"a block is not closed: {text}");
        var blocks = new List<SseText>();
        foreach (var block in text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            string? id = null, name = null, data = null, comment = null, retry = null;
            foreach (var line in block.Split('\n'))
            {
                if (line.StartsWith(": ", StringComparison.Ordinal))
                {
                    comment = line[2..];
                    continue;
                }

                var colon = line.IndexOf(": ", StringComparison.Ordinal);
                var value = line[(colon + 2)..];
                switch (line[..colon])
                {
                    case "id": id = value; break;
                    case "event": name = value; break;
                    case "data": data = data is null ? value : data + "\n" + value; break;
                    case "retry": retry = value; break;
                    default: Assert.Fail($"unknown field in {line}"); break;
                }
            }

            blocks.Add(new SseText(id, name, data, comment, retry));
        }

        return blocks;
    }
}
