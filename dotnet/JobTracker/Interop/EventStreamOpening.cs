namespace JobTracker.Interop;

/// <summary>The answer to opening <c>GET /sdapi/v1/job/{id}/events</c>: a head to send, and the stream when it is one.</summary>
public sealed class EventStreamOpening : IDisposable
{
    internal EventStreamOpening(HttpReply reply, EventStream? stream)
    {
        Reply = reply;
        Stream = stream;
    }

    /// <summary>Gets the reply: with <see cref="Stream"/>, the 200 head of the stream (its body is empty: send no
    /// <c>Content-Length</c>); without, a complete reply to send as it is (401, 404, 204, 503 or 500).</summary>
    public HttpReply Reply { get; }

    /// <summary>Gets the stream, or <see langword="null"/> when the reply is all there is.</summary>
    public EventStream? Stream { get; }

    /// <summary>Frees the reply's body (the stream stays open until it is disposed itself).</summary>
    public void Dispose() => Reply.Dispose();
}
