namespace JobTracker.Interop;

/// <summary>A complete HTTP reply for the shim to send. Python reads the properties, then calls <see cref="Dispose"/>.</summary>
public sealed class HttpReply : IDisposable
{
    internal HttpReply(int status, string[] headers, NativeBuffer body)
    {
        Status = status;
        Headers = headers;
        Body = body;
    }

    /// <summary>Gets the HTTP status code.</summary>
    public int Status { get; }

    /// <summary>Gets the headers as name, value, name, value, ... (see <see cref="Http.ReplyHeaders"/>), never joined into lines.</summary>
    public string[] Headers { get; }

    /// <summary>Gets the body.</summary>
    public NativeBuffer Body { get; }

    /// <summary>Frees the body.</summary>
    public void Dispose() => Body.Dispose();
}
