using JobTracker.Security;

namespace JobTracker.Configuration;

/// <summary>The operator's security settings, read from the environment only (the UI never changes them).</summary>
internal sealed record SecurityOptions
{
    /// <summary>The default of <see cref="IsolationEnabled"/>.</summary>
    public const bool DefaultIsolationEnabled = true;

    /// <summary>Gets the options with every default: isolation on, no admins, no trusted proxy.</summary>
    public static SecurityOptions Default { get; } = new();

    /// <summary>Gets the <c>--api-auth</c> users who see and fetch every job.</summary>
    /// <value>Exact (case-sensitive) user names; default none (environment <c>TRACKER_ADMIN_USERS</c>, comma-separated).</value>
    public IReadOnlySet<string> AdminUsers { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Gets a value indicating whether, when <c>--api-auth</c> names several users, each sees only their own jobs.</summary>
    /// <value>Default <see langword="true"/> (environment <c>TRACKER_ISOLATION</c>: 1/true/yes/on or 0/false/no/off).</value>
    public bool IsolationEnabled { get; init; } = DefaultIsolationEnabled;

    /// <summary>Gets the proxies whose <c>X-Forwarded-For</c> / <c>Forwarded</c> headers are believed.</summary>
    /// <value>Default none (environment <c>TRACKER_TRUSTED_PROXIES</c>: addresses and CIDR ranges, IPv4 and IPv6).</value>
    public TrustedProxies TrustedProxies { get; init; } = TrustedProxies.None;
}
