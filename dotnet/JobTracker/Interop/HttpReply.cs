namespace JobTracker.Interop;

/// <summary>A complete HTTP reply for the shim to send. Python reads the properties, then calls <see cref="Dispose"/>.</summary>
public sealed class HttpReply : IDisposable
{
    internal HttpReply(int status, string headers, NativeBuffer body)
    {
        Status = status;
        Headers = headers;
        Body = body;
    }

    /// <summary>Gets the HTTP status code.</summary>
    public int Status { get; }

    /// <summary>Gets the header lines (<c>Name: value</c>) joined by <c>\n</c>, with the body's <c>Content-Type</c> (JSON, or an image's type).</summary>
    public string Headers { get; }

    /// <summary>Gets the body.</summary>
    public NativeBuffer Body { get; }

    /// <summary>Frees the body.</summary>
    public void Dispose() => Body.Dispose();
}
