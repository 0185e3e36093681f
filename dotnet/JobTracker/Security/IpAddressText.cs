using System.Net;

namespace JobTracker.Security;

/// <summary>
/// Strict parsing of an address as written in settings and forwarding headers: dotted-quad IPv4 or IPv6,
/// optionally in brackets. Looser forms that <see cref="IPAddress.TryParse(string?, out IPAddress?)"/> accepts
/// ("1", "10.1", "0x7f.1") are refused, so a hostile header cannot smuggle an address in an unusual spelling.
/// </summary>
internal static class IpAddressText
{
    private const int MaxLength = 64;

    /// <summary>Parses <paramref name="text"/> as an IP address.</summary>
    /// <param name="text">The text, e.g. "192.0.2.7", "2001:db8::1" or "[2001:db8::1]".</param>
    /// <param name="address">The address, normalized (see <see cref="TrustedProxies.Normalize"/>).</param>
    /// <returns><see langword="true"/> if the text is an address.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out IPAddress address)
    {
        address = IPAddress.None;
        text = text.Trim();
        if (text.Length > 1 && text[0] == '[' && text[^1] == ']')
        {
            text = text[1..^1];
        }

        if (text.IsEmpty || text.Length > MaxLength || (!text.Contains(':') && !IsDottedQuad(text)))
        {
            return false;
        }

        if (!IPAddress.TryParse(text, out var parsed))
        {
            return false;
        }

        address = TrustedProxies.Normalize(parsed);
        return true;
    }

    private static bool IsDottedQuad(ReadOnlySpan<char> text)
    {
        var parts = 0;
        foreach (var range in text.Split('.'))
        {
            var part = text[range];
            if (part.IsEmpty || part.Length > 3 || part.ContainsAnyExceptInRange('0', '9'))
            {
                return false;
            }

            parts++;
        }

        return parts == 4;
    }
}
