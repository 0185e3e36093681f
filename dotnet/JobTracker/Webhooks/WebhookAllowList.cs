using System.Net;
using System.Net.Sockets;
using JobTracker.Security;

namespace JobTracker.Webhooks;

/// <summary>
/// The webhook targets the operator allows (<c>TRACKER_WEBHOOK_ALLOW</c>): IP addresses and CIDR ranges (IPv4 and IPv6,
/// parsed and matched by the same code as <c>TRACKER_TRUSTED_PROXIES</c>), host names (<c>hooks.example.com</c>) and
/// subdomain patterns (<c>*.example.com</c>), separated by commas or spaces.
/// A URL is allowed by its host; the connection is allowed by the address it goes to: an address in a listed range, or,
/// for a host listed by name, a public address (so a listed name whose DNS answer points inside the network is refused).
/// </summary>
internal sealed class WebhookAllowList
{
    private const int MaxNameLength = 253;

    // Addresses that are not on the public internet (RFC 6890 and friends). A listed host name may not lead to them
    // unless the operator also lists the address or its range.
    private static readonly TrustedProxies NotPublic = TrustedProxies.Parse(
        "0.0.0.0/8 10.0.0.0/8 100.64.0.0/10 127.0.0.0/8 169.254.0.0/16 172.16.0.0/12 192.0.0.0/24 192.168.0.0/16 " +
        "198.18.0.0/15 224.0.0.0/4 240.0.0.0/4 ::/128 ::1/128 64:ff9b::/96 2002::/16 fc00::/7 fe80::/10 fec0::/10 ff00::/8");

    private readonly TrustedProxies _networks;
    private readonly HashSet<string> _names;
    private readonly string[] _suffixes;

    private WebhookAllowList(TrustedProxies networks, HashSet<string> names, string[] suffixes, IReadOnlyList<string> invalid)
    {
        _networks = networks;
        _names = names;
        _suffixes = suffixes;
        InvalidEntries = invalid;
    }

    /// <summary>Gets the list that allows nothing (webhooks off).</summary>
    public static WebhookAllowList None { get; } = new(TrustedProxies.None, new HashSet<string>(StringComparer.Ordinal), [], []);

    /// <summary>Gets the number of valid entries.</summary>
    public int Count => _networks.Count + _names.Count + _suffixes.Length;

    /// <summary>Gets the entries that are neither an address, a range nor a host name; they are ignored.</summary>
    public IReadOnlyList<string> InvalidEntries { get; }

    /// <summary>Parses the list.</summary>
    /// <param name="list">Entries like "127.0.0.1, 192.168.1.0/24 hooks.example.com *.example.org", or <see langword="null"/>.</param>
    /// <returns>The list; invalid entries are collected in <see cref="InvalidEntries"/>.</returns>
    public static WebhookAllowList Parse(string? list)
    {
        if (string.IsNullOrWhiteSpace(list))
        {
            return None;
        }

        var addresses = new List<string>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var suffixes = new List<string>();
        var invalid = new List<string>();
        foreach (var entry in list.Split([',', ' ', '\t', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (entry.StartsWith("*.", StringComparison.Ordinal) && NormalName(entry[2..]) is { } parent)
            {
                suffixes.Add("." + parent);
            }
            else if (entry.Contains(':', StringComparison.Ordinal) || entry.Contains('/', StringComparison.Ordinal) || IpAddressText.TryParse(entry, out _))
            {
                addresses.Add(entry);
            }
            else if (NormalName(entry) is { } name && !IsAllDigitsAndDots(name))
            {
                names.Add(name);
            }
            else
            {
                invalid.Add(entry);
            }
        }

        var networks = TrustedProxies.Parse(string.Join(' ', addresses));
        invalid.AddRange(networks.InvalidEntries);
        return new WebhookAllowList(networks, names, [.. suffixes], invalid);
    }

    /// <summary>Tells whether a URL's host may be a webhook target (checked when the request is admitted).</summary>
    /// <param name="url">An absolute URL.</param>
    /// <returns><see langword="true"/> if its address is in a listed range, or its name is listed.</returns>
    public bool AllowsHost(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.HostNameType switch
        {
            UriHostNameType.IPv4 or UriHostNameType.IPv6 => IpAddressText.TryParse(url.Host, out var address) && _networks.Contains(address),
            UriHostNameType.Dns => AllowsName(url.IdnHost),
            _ => false,
        };
    }

    /// <summary>Tells whether a connection for <paramref name="host"/> may go to <paramref name="address"/> (checked when connecting).</summary>
    /// <param name="host">The host as the URL names it: an address literal or a name.</param>
    /// <param name="address">One address the host resolved to.</param>
    /// <returns>
    /// For an address literal: whether it is in a listed range. For a name: whether the name is listed and the address
    /// is in a listed range or on the public internet.
    /// </returns>
    public bool AllowsConnection(string host, IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(address);
        var normal = TrustedProxies.Normalize(address);
        if (IpAddressText.TryParse(host, out var literal))
        {
            return literal.Equals(normal) && _networks.Contains(normal);
        }

        return AllowsName(host) && (_networks.Contains(normal) || !NotPublic.Contains(normal));
    }

    private bool AllowsName(string host)
    {
        if (NormalName(host) is not { } name)
        {
            return false;
        }

        if (_names.Contains(name))
        {
            return true;
        }

        foreach (var suffix in _suffixes)
        {
            if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The lower-case name without a final dot, or null when it is not a DNS host name (letters, digits, '-', '.').</summary>
    private static string? NormalName(string text)
    {
        var name = text.TrimEnd('.').ToLowerInvariant();
        if (name.Length is 0 or > MaxNameLength)
        {
            return null;
        }

        foreach (var label in name.Split('.'))
        {
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-'
                || label.AsSpan().ContainsAnyExcept("abcdefghijklmnopqrstuvwxyz0123456789-"))
            {
                return null;
            }
        }

        return name;
    }

    // "10.1" or "127.1" would be an address in a loose spelling, never a name.
    private static bool IsAllDigitsAndDots(string name) => !name.AsSpan().ContainsAnyExcept("0123456789.");

    /// <summary>Whether <paramref name="address"/> is IPv4 or IPv6 (the families a webhook connects over).</summary>
    internal static bool IsInternetFamily(IPAddress address) =>
        address.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6;
}
