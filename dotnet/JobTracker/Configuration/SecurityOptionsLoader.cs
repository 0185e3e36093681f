using JobTracker.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace JobTracker.Configuration;

/// <summary>
/// Reads <see cref="SecurityOptions"/> from the <c>TRACKER_*</c> environment with Microsoft.Extensions.Configuration.
/// An invalid value or entry is reported once in the log and ignored; the default, which is the safer choice, applies.
/// </summary>
internal static class SecurityOptionsLoader
{
    private const int MaxQuotedLength = 80;

    /// <summary>Reads the security settings.</summary>
    /// <param name="environment">The environment layer.</param>
    /// <param name="log">Where invalid values are reported.</param>
    /// <returns>The settings.</returns>
    public static SecurityOptions Load(EnvironmentLayer environment, ITrackerLog log)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(log);
        var root = new ConfigurationBuilder().Add(environment.Source).Build();
        try
        {
            return new SecurityOptions
            {
                AdminUsers = AdminUsers(Value(root, SettingNames.AdminUsersVariable), log),
                IsolationEnabled = Isolation(Value(root, SettingNames.IsolationVariable), log),
                TrustedProxies = Proxies(Value(root, SettingNames.TrustedProxiesVariable), log),
            };
        }
        finally
        {
            (root as IDisposable)?.Dispose();
        }
    }

    private static string? Value(IConfiguration root, string variable) => root[EnvironmentLayer.KeyOf(variable)];

    private static HashSet<string> AdminUsers(string? text, ITrackerLog log)
    {
        var admins = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in (text ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            // --api-auth splits each entry at a ':', so a user name can never contain one.
            if (name.Contains(':', StringComparison.Ordinal))
            {
                log.Write($"{SettingNames.AdminUsersVariable}: \"{Quote(name)}\" is not a user name (it contains ':'); ignored");
                continue;
            }

            admins.Add(name);
        }

        return admins;
    }

    private static bool Isolation(string? text, ITrackerLog log)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return SecurityOptions.DefaultIsolationEnabled;
        }

        if (SettingParser.TryParseSwitch(text, out var enabled))
        {
            return enabled;
        }

        log.Write($"{SettingNames.IsolationVariable}=\"{Quote(text)}\" is not one of 1/true/yes/on or 0/false/no/off; ignored, isolation stays on");
        return SecurityOptions.DefaultIsolationEnabled;
    }

    private static Security.TrustedProxies Proxies(string? text, ITrackerLog log)
    {
        var proxies = Security.TrustedProxies.Parse(text);
        foreach (var entry in proxies.InvalidEntries)
        {
            log.Write($"{SettingNames.TrustedProxiesVariable}: \"{Quote(entry)}\" is neither an IP address nor a CIDR range; ignored");
        }

        return proxies;
    }

    private static string Quote(string text) =>
        text.Length <= MaxQuotedLength ? text : string.Concat(text.AsSpan(0, MaxQuotedLength), "...");
}
