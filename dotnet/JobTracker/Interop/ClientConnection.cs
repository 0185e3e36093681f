using JobTracker.Exchanges;
using JobTracker.Http;

namespace JobTracker.Interop;

/// <summary>The raw facts about a request's connection, as the server gave them to the WebUI; the core decides what they mean.</summary>
/// <param name="Host">The ASGI scope's client host, or <see langword="null"/> when the server gave none.</param>
/// <param name="Port">The ASGI scope's client port; 0 when uvicorn's proxy-headers middleware rewrote the client, -1 when unknown.</param>
/// <param name="ForwardedAllowIps">The server's <c>FORWARDED_ALLOW_IPS</c> setting, or <see langword="null"/> when unset.</param>
public sealed record ClientConnection(string? Host, int Port, string? ForwardedAllowIps)
{
    /// <summary>Gets a connection the server said nothing about.</summary>
    public static ClientConnection Unknown { get; } = new(null, -1, null);

    internal string Peer(RequestHeaders headers) => ConnectionPeer.Of(Host, Port, ForwardedAllowIps, headers.Find("x-forwarded-for") is not null);
}
