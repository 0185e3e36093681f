using System.Buffers;
using System.Text;

namespace JobTracker.Events;

/// <summary>Writes the <c>text/event-stream</c> format (WHATWG HTML, "Server-sent events"): fields, comments, blank-line ends.</summary>
internal static class ServerSentEvents
{
    /// <summary>The head of a stream: no caching, and no buffering by nginx-style proxies.</summary>
    public static string[] Headers => ["Content-Type", "text/event-stream; charset=utf-8", "Cache-Control", "no-cache", "X-Accel-Buffering", "no"];

    /// <summary>Writes one event.</summary>
    /// <param name="output">Receives the bytes.</param>
    /// <param name="name">The <c>event</c> field.</param>
    /// <param name="id">The <c>id</c> field.</param>
    /// <param name="json">The <c>data</c>: UTF-8 JSON; a line break inside it (there is none in compact JSON) starts another data line.</param>
    public static void Event(IBufferWriter<byte> output, string name, EventKey id, ReadOnlySpan<byte> json)
    {
        Line(output, "id: " + id);
        Line(output, "event: " + name);
        foreach (var range in json.Split((byte)'\n'))
        {
            output.Write("data: "u8);
            output.Write(json[range]);
            output.Write("\n"u8);
        }

        output.Write("\n"u8);
    }

    /// <summary>Writes a comment, which clients ignore and proxies see as traffic.</summary>
    /// <param name="output">Receives the bytes.</param>
    /// <param name="text">The comment, one line.</param>
    public static void Comment(IBufferWriter<byte> output, string text) => Line(output, ": " + text + "\n");

    /// <summary>Writes the reconnection delay a client (an <c>EventSource</c>) should use.</summary>
    /// <param name="output">Receives the bytes.</param>
    /// <param name="milliseconds">The delay.</param>
    public static void Retry(IBufferWriter<byte> output, int milliseconds) =>
        Line(output, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"retry: {milliseconds}\n"));

    private static void Line(IBufferWriter<byte> output, string text)
    {
        output.Write(Encoding.UTF8.GetBytes(text));
        output.Write("\n"u8);
    }
}
