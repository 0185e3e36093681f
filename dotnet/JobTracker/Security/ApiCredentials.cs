using System.Security.Cryptography;
using System.Text;

namespace JobTracker.Security;

/// <summary>
/// The users of A1111's <c>--api-auth</c> (<c>"user:pass,user2:pass2"</c>) and the check our routes apply,
/// since A1111 does not protect routes an extension adds. Entries are split at the first ':', so a
/// password may contain ':'; blank entries are ignored; a repeated user keeps its last password (as in A1111).
/// </summary>
internal sealed class ApiCredentials
{
    private readonly (string Name, byte[] User, byte[] Password)[] _entries;

    private ApiCredentials((string Name, byte[] User, byte[] Password)[] entries, int ignoredEntries)
    {
        _entries = entries;
        IgnoredEntries = ignoredEntries;
        UserNames = entries.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Gets credentials that allow every request (no <c>--api-auth</c>).</summary>
    public static ApiCredentials None { get; } = new([], 0);

    /// <summary>Gets the user names <c>--api-auth</c> defines (case-sensitive, as A1111 compares them).</summary>
    public IReadOnlySet<string> UserNames { get; }

    /// <summary>Gets a value indicating whether requests must authenticate.</summary>
    public bool IsRequired => _entries.Length > 0;

    /// <summary>Gets the number of non-blank entries without a ':' that were ignored.</summary>
    public int IgnoredEntries { get; }

    /// <summary>Parses A1111's <c>--api-auth</c> value.</summary>
    /// <param name="apiAuth">The value, or <see langword="null"/>/empty for no authentication.</param>
    /// <returns>The credentials.</returns>
    public static ApiCredentials Parse(string? apiAuth)
    {
        if (string.IsNullOrWhiteSpace(apiAuth))
        {
            return None;
        }

        var users = new Dictionary<string, string>(StringComparer.Ordinal);
        var ignored = 0;
        foreach (var entry in apiAuth.Split(','))
        {
            if (string.IsNullOrWhiteSpace(entry))
            {
                continue;
            }

            var colon = entry.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                ignored++;
                continue;
            }

            users[entry[..colon]] = entry[(colon + 1)..];
        }

        return new ApiCredentials(users.Select(u => (u.Key, Digest(u.Key), Digest(u.Value))).ToArray(), ignored);
    }

    /// <summary>Checks a request's <c>Authorization</c> header in constant time.</summary>
    /// <param name="authorization">The header value, or <see langword="null"/>.</param>
    /// <returns>The decision.</returns>
    public AuthOutcome Check(string? authorization) => Authenticate(authorization, out _);

    /// <summary>Checks a request's <c>Authorization</c> header in constant time and tells who it is.</summary>
    /// <param name="authorization">The header value, or <see langword="null"/>.</param>
    /// <param name="user">The verified user name when credentials are required and right, else <see langword="null"/>.</param>
    /// <returns>The decision.</returns>
    public AuthOutcome Authenticate(string? authorization, out string? user)
    {
        user = null;
        if (!IsRequired)
        {
            return AuthOutcome.Allowed;
        }

        if (!BasicCredentials.IsBasic(authorization))
        {
            return AuthOutcome.NotAuthenticated;
        }

        if (BasicCredentials.Parse(authorization) is not { } credentials)
        {
            // A1111 (FastAPI) refuses an undecodable Basic value with a 401 of its own too.
            return AuthOutcome.IncorrectCredentials;
        }

        // Digests have a fixed length, so FixedTimeEquals never returns early on a length difference,
        // and every entry is compared, so the time does not tell whether the user exists.
        var userDigest = Digest(credentials.User);
        var password = Digest(credentials.Password);
        var match = false;
        foreach (var entry in _entries)
        {
            match |= CryptographicOperations.FixedTimeEquals(userDigest, entry.User)
                     & CryptographicOperations.FixedTimeEquals(password, entry.Password);
        }

        if (!match)
        {
            return AuthOutcome.IncorrectCredentials;
        }

        user = credentials.User;
        return AuthOutcome.Allowed;
    }

    private static byte[] Digest(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));
}
