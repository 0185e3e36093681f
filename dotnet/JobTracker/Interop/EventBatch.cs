namespace JobTracker.Interop;

/// <summary>What an <see cref="EventStream"/> has to send now. Python sends <see cref="Body"/> (it may be empty), ends the response
/// if <see cref="Ended"/>, then calls <see cref="Dispose"/>.</summary>
public sealed class EventBatch : IDisposable
{
    internal EventBatch(NativeBuffer body, bool ended)
    {
        Body = body;
        Ended = ended;
    }

    /// <summary>Gets the bytes to send: events, a heartbeat comment, or nothing.</summary>
    public NativeBuffer Body { get; }

    /// <summary>Gets a value indicating whether the stream is over: send the body, then end the response.</summary>
    public bool Ended { get; }

    /// <summary>Frees the body.</summary>
    public void Dispose() => Body.Dispose();
}
