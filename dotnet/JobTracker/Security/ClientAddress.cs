using System.Net;
using JobTracker.Http;

namespace JobTracker.Security;

/// <summary>
/// Decides which client address a request is recorded under. The connection's address is the answer
/// unless it is a trusted proxy; then the forwarding chain (<c>X-Forwarded-For</c>, or <c>Forwarded</c>'s
/// <c>for=</c> when there is no <c>X-Forwarded-For</c>) is walked from the nearest hop outwards, past
/// trusted proxies, to the first address that is not one. Entries a client wrote itself sit to the left
/// of what its proxy appended, so they are never reached while the real client address is untrusted.
/// </summary>
internal static class ClientAddress
{
    /// <summary>How many hops of a forwarding chain are looked at, at most.</summary>
    public const int MaxHops = 32;

    private const int MaxPeerLength = 64;

    /// <summary>Resolves the address to record for a request.</summary>
    /// <param name="peer">The address of the connection, as the server reports it; may be empty.</param>
    /// <param name="headers">The request's headers (<c>x-forwarded-for</c>, <c>forwarded</c>).</param>
    /// <param name="proxies">The trusted proxies.</param>
    /// <returns>The address in canonical form; the peer text as given when it is not an address.</returns>
    public static string Resolve(string? peer, RequestHeaders? headers, TrustedProxies proxies)
    {
        ArgumentNullException.ThrowIfNull(proxies);
        if (!IpAddressText.TryParse(peer, out var current))
        {
            return peer is null ? string.Empty : peer.Length <= MaxPeerLength ? peer : peer[..MaxPeerLength];
        }

        if (!proxies.Contains(current))
        {
            return current.ToString();
        }

        var hops = ForwardedHops(headers);
        for (var i = hops.Count - 1; i >= Math.Max(0, hops.Count - MaxHops); i--)
        {
            // An unreadable hop ("unknown", an obfuscated name) ends the walk at the last proxy that vouched for it.
            if (!IpAddressText.TryParse(StripPort(hops[i]), out var hop))
            {
                break;
            }

            current = hop;
            if (!proxies.Contains(hop))
            {
                break;
            }
        }

        return current.ToString();
    }

    private static List<string> ForwardedHops(RequestHeaders? headers)
    {
        var hops = new List<string>();
        foreach (var value in (headers ?? RequestHeaders.None).FindAll("x-forwarded-for"))
        {
            hops.AddRange(value.Split(',', StringSplitOptions.TrimEntries));
        }

        if (hops.Count > 0)
        {
            return hops;
        }

        foreach (var value in (headers ?? RequestHeaders.None).FindAll("forwarded"))
        {
            foreach (var element in value.Split(','))
            {
                hops.Add(ForParameter(element) ?? string.Empty);
            }
        }

        return hops;
    }

    private static string? ForParameter(string element)
    {
        foreach (var pair in element.Split(';', StringSplitOptions.TrimEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && pair.AsSpan(0, equals).Trim().Equals("for", StringComparison.OrdinalIgnoreCase))
            {
                return pair[(equals + 1)..].Trim().Trim('"');
            }
        }

        return null;
    }

    /// <summary>"192.0.2.7:4711" → "192.0.2.7", "[2001:db8::1]:4711" → "2001:db8::1"; anything else unchanged.</summary>
    private static string StripPort(string hop)
    {
        if (hop.StartsWith('['))
        {
            var close = hop.IndexOf(']', StringComparison.Ordinal);
            return close < 0 ? hop : hop[1..close];
        }

        var colon = hop.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && colon == hop.LastIndexOf(':') ? hop[..colon] : hop;
    }
}
