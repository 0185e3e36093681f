using JobTracker.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.FileProviders.Physical;

namespace JobTracker.Configuration;

/// <summary>
/// Reads the settings layers with Microsoft.Extensions.Configuration: defaults, then <c>config.json</c>,
/// then the environment, the later winning. Each layer is checked on its own, so an invalid value is
/// reported once and the layer below applies; a malformed <c>config.json</c> is reported and left untouched.
/// </summary>
internal static class SettingsLoader
{
    private const int MaxQuotedLength = 80;

    private delegate bool TryParse<T>(string? text, out T value);

    /// <summary>Finds the data folder: <c>TRACKER_DATA_DIR</c> (relative to the extension folder) or the extension folder.</summary>
    /// <param name="extensionDirectory">The extension's folder.</param>
    /// <param name="environment">The environment layer.</param>
    /// <returns>An absolute path.</returns>
    public static string ResolveDataDirectory(string extensionDirectory, EnvironmentLayer environment)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(extensionDirectory);
        ArgumentNullException.ThrowIfNull(environment);
        var extension = Path.GetFullPath(extensionDirectory);
        var root = new ConfigurationBuilder().Add(environment.Source).Build();
        var configured = root[EnvironmentLayer.KeyOf(SettingNames.DataDirectoryVariable)]?.Trim();
        return string.IsNullOrEmpty(configured) ? extension : Path.GetFullPath(configured, extension);
    }

    /// <summary>Reads the settings of <paramref name="dataDirectory"/> and the environment.</summary>
    /// <param name="dataDirectory">The folder holding <c>config.json</c> (it need not exist).</param>
    /// <param name="environment">The environment layer.</param>
    /// <param name="log">Where invalid values are reported.</param>
    /// <returns>The effective settings, the file's settings and what is pinned.</returns>
    public static LoadedSettings Load(string dataDirectory, EnvironmentLayer environment, ITrackerLog log)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(log);
        var configPath = Path.Combine(dataDirectory, SettingNames.ConfigFileName);
        using var files = Directory.Exists(dataDirectory) ? new PhysicalFileProvider(dataDirectory, ExclusionFilters.None) : null;
        var builder = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [SettingNames.TrackingEnabledKey] = TrackerOptions.DefaultTrackingEnabled ? "true" : "false",
                [SettingNames.RetentionDaysKey] = TrackerOptions.DefaultRetentionDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [SettingNames.KeepAliveSecondsKey] = TrackerOptions.DefaultKeepAliveSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
        if (files is not null)
        {
            builder.AddJsonFile(source =>
            {
                source.FileProvider = files;
                source.Path = SettingNames.ConfigFileName;
                source.Optional = true;
                source.ReloadOnChange = false;
                source.OnLoadException = context =>
                {
                    log.Write($"{configPath} is not valid JSON ({Describe(context.Exception)}); its settings are ignored " +
                              "and the file is left as it is until a setting is saved");
                    context.Ignore = true;
                };
            });
        }

        builder.Add(environment.Source);
        var root = builder.Build();
        try
        {
            var layers = root.Providers.ToArray();
            var fileLayer = files is null ? null : layers[1];
            var environmentLayer = layers[^1];
            var (enabled, savedEnabled, enabledPinned) = Resolve<bool>(
                fileLayer, environmentLayer, SettingNames.TrackingEnabledKey, SettingNames.TrackingEnabledVariable,
                TrackerOptions.DefaultTrackingEnabled, SettingParser.TryParseSwitch, "is not one of 1/true/yes/on or 0/false/no/off", configPath, log);
            var (days, savedDays, daysPinned) = Resolve<int>(
                fileLayer, environmentLayer, SettingNames.RetentionDaysKey, SettingNames.RetentionDaysVariable,
                TrackerOptions.DefaultRetentionDays, SettingParser.TryParseRetentionDays, "is not a whole number of days (0 or more)", configPath, log);
            var (keepAlive, savedKeepAlive, _) = Resolve<int>(
                fileLayer, environmentLayer, SettingNames.KeepAliveSecondsKey, SettingNames.KeepAliveSecondsVariable,
                TrackerOptions.DefaultKeepAliveSeconds, SettingParser.TryParseKeepAliveSeconds,
                $"is not a whole number of seconds from 0 to {TrackerOptions.MaxKeepAliveSeconds}", configPath, log);
            return new LoadedSettings(
                new TrackerOptions { TrackingEnabled = enabled, RetentionDays = days, KeepAliveSeconds = keepAlive },
                new TrackerOptions { TrackingEnabled = savedEnabled, RetentionDays = savedDays, KeepAliveSeconds = savedKeepAlive },
                new PinnedSettings(enabledPinned ? SettingNames.TrackingEnabledVariable : null, daysPinned ? SettingNames.RetentionDaysVariable : null));
        }
        finally
        {
            (root as IDisposable)?.Dispose();
        }
    }

    private static (T Effective, T Saved, bool Pinned) Resolve<T>(
        IConfigurationProvider? fileLayer,
        IConfigurationProvider environmentLayer,
        string fileKey,
        string variable,
        T fallback,
        TryParse<T> parse,
        string invalidReason,
        string configPath,
        ITrackerLog log)
    {
        var saved = fallback;
        if (fileLayer is not null && fileLayer.TryGet(fileKey, out var fromFile) && !string.IsNullOrWhiteSpace(fromFile))
        {
            if (parse(fromFile, out var parsed))
            {
                saved = parsed;
            }
            else
            {
                log.Write($"{configPath}: \"{fileKey}\" = \"{Quote(fromFile)}\" {invalidReason}; ignored, using {Show(saved)}");
            }
        }

        if (environmentLayer.TryGet(EnvironmentLayer.KeyOf(variable), out var fromEnvironment) && !string.IsNullOrWhiteSpace(fromEnvironment))
        {
            if (parse(fromEnvironment, out var parsed))
            {
                return (parsed, saved, true);
            }

            log.Write($"{variable}=\"{Quote(fromEnvironment)}\" {invalidReason}; ignored, using {Show(saved)}");
        }

        return (saved, saved, false);
    }

    private static string Show<T>(T value) => value is bool b ? (b ? "on" : "off") : $"{value}";

    private static string Quote(string text) =>
        text.Length <= MaxQuotedLength ? text : string.Concat(text.AsSpan(0, MaxQuotedLength), "...");

    private static string Describe(Exception exception) =>
        exception.InnerException is { } inner ? inner.Message : exception.Message;
}
