namespace JobTracker.Exchanges;

/// <summary>
/// The address of the connection a request came on, before any forwarding header is believed (that is
/// <see cref="Security.AccessPolicy.ClientAddressOf"/>'s decision, by <c>TRACKER_TRUSTED_PROXIES</c>).
/// uvicorn, which serves A1111, runs its ProxyHeadersMiddleware by default (uvicorn/middleware/proxy_headers.py,
/// 0.30): for a connection from an address in <c>FORWARDED_ALLOW_IPS</c> (default 127.0.0.1) carrying
/// X-Forwarded-For, it replaces the ASGI client with an entry of that header and port 0. So a rewritten client
/// (port 0, X-Forwarded-For present) came from one of uvicorn's trusted hosts: when that is a single address it is
/// the peer, otherwise the peer is unknown ("").
/// </summary>
internal static class ConnectionPeer
{
    private const string UvicornDefaultTrusted = "127.0.0.1";

    /// <param name="host">The ASGI scope's client host, or <see langword="null"/> when the server gave none.</param>
    /// <param name="port">The ASGI scope's client port (0 when uvicorn rewrote it).</param>
    /// <param name="forwardedAllowIps">The server's <c>FORWARDED_ALLOW_IPS</c>, or <see langword="null"/> when unset.</param>
    /// <param name="hasForwardedFor">Whether the request carries X-Forwarded-For.</param>
    public static string Of(string? host, int port, string? forwardedAllowIps, bool hasForwardedFor)
    {
        if (port == 0 && hasForwardedFor)
        {
            var hosts = (forwardedAllowIps ?? UvicornDefaultTrusted).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            return hosts is [var single] && single != "*" && !single.Contains('/', StringComparison.Ordinal) ? single : string.Empty;
        }

        return host ?? string.Empty;
    }
}
