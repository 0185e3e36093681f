using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace JobTracker.Security;

/// <summary>
/// The reverse proxies whose <c>X-Forwarded-For</c> / <c>Forwarded</c> headers are believed
/// (<c>TRACKER_TRUSTED_PROXIES</c>): single addresses and CIDR ranges, IPv4 and IPv6, separated by commas
/// or spaces. Bits after a range's prefix are ignored (<c>10.1.2.3/8</c> means <c>10.0.0.0/8</c>).
/// </summary>
internal sealed class TrustedProxies
{
    private readonly IPNetwork[] _networks;

    private TrustedProxies(IPNetwork[] networks, IReadOnlyList<string> invalidEntries)
    {
        _networks = networks;
        InvalidEntries = invalidEntries;
    }

    /// <summary>Gets the list that trusts no proxy (the default).</summary>
    public static TrustedProxies None { get; } = new([], []);

    /// <summary>Gets the number of valid entries.</summary>
    public int Count => _networks.Length;

    /// <summary>Gets the entries that are neither an address nor a CIDR range; they are ignored.</summary>
    public IReadOnlyList<string> InvalidEntries { get; }

    /// <summary>Parses the list.</summary>
    /// <param name="list">Entries like "10.0.0.5, 172.16.0.0/12 fd00::/8", or <see langword="null"/>.</param>
    /// <returns>The proxies; invalid entries are collected in <see cref="InvalidEntries"/>.</returns>
    public static TrustedProxies Parse(string? list)
    {
        if (string.IsNullOrWhiteSpace(list))
        {
            return None;
        }

        var networks = new List<IPNetwork>();
        var invalid = new List<string>();
        foreach (var entry in list.Split([',', ' ', '\t', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (TryParseEntry(entry, out var network))
            {
                networks.Add(network);
            }
            else
            {
                invalid.Add(entry);
            }
        }

        return new TrustedProxies([.. networks], invalid);
    }

    /// <summary>Tells whether <paramref name="address"/> is one of the trusted proxies.</summary>
    /// <param name="address">An address; IPv4-mapped IPv6 addresses count as their IPv4 address.</param>
    /// <returns><see langword="true"/> if a listed address or range contains it.</returns>
    public bool Contains(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var normal = Normalize(address);
        foreach (var network in _networks)
        {
            if (network.Contains(normal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Turns an IPv4-mapped IPv6 address into its IPv4 address and drops an IPv6 scope.</summary>
    /// <param name="address">Any address.</param>
    /// <returns>The address as it is compared and recorded.</returns>
    public static IPAddress Normalize(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        return address.AddressFamily == AddressFamily.InterNetworkV6 && address.ScopeId != 0
            ? new IPAddress(address.GetAddressBytes())
            : address;
    }

    private static bool TryParseEntry(string entry, out IPNetwork network)
    {
        network = default;
        var slash = entry.IndexOf('/', StringComparison.Ordinal);
        if (!IpAddressText.TryParse(slash < 0 ? entry : entry.AsSpan(0, slash), out var address))
        {
            return false;
        }

        var bits = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        var prefix = bits;
        if (slash >= 0 && !int.TryParse(entry.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out prefix))
        {
            return false;
        }

        // "::ffff:10.0.0.0/104" was normalized to IPv4: its prefix counts the 96 bits of the mapping too.
        var mapped = bits == 32 && entry.AsSpan(0, slash < 0 ? entry.Length : slash).Contains(':');
        if (mapped && slash >= 0)
        {
            prefix -= 96;
        }

        if (prefix < 0 || prefix > bits)
        {
            return false;
        }

        network = new IPNetwork(Masked(address, prefix), prefix);
        return true;
    }

    private static IPAddress Masked(IPAddress address, int prefix)
    {
        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var keep = Math.Clamp(prefix - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - keep));
        }

        return new IPAddress(bytes);
    }
}
