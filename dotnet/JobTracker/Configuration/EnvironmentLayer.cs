using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Memory;

namespace JobTracker.Configuration;

/// <summary>
/// The environment variables the tracker reads (<c>TRACKER_*</c>) as a configuration layer; keys are
/// the variable names without the prefix. Tests use <see cref="FromVariables"/> instead of the real environment.
/// </summary>
internal sealed class EnvironmentLayer
{
    private EnvironmentLayer(IConfigurationSource source) => Source = source;

    /// <summary>Gets the configuration source of this layer.</summary>
    public IConfigurationSource Source { get; }

    /// <summary>Reads the process environment.</summary>
    /// <returns>The layer.</returns>
    public static EnvironmentLayer FromProcess() =>
        new(new EnvironmentVariablesConfigurationSource { Prefix = SettingNames.EnvironmentPrefix });

    /// <summary>Uses the given variables as if they were the environment; names without the <c>TRACKER_</c> prefix are ignored.</summary>
    /// <param name="variables">Variable names (e.g. "TRACKER_ENABLED") and values.</param>
    /// <returns>The layer.</returns>
    public static EnvironmentLayer FromVariables(IEnumerable<KeyValuePair<string, string?>> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var data = variables
            .Where(v => v.Key.StartsWith(SettingNames.EnvironmentPrefix, StringComparison.OrdinalIgnoreCase))
            .Select(v => KeyValuePair.Create(KeyOf(v.Key), v.Value))
            .ToList();
        return new(new MemoryConfigurationSource { InitialData = data });
    }

    /// <summary>The key a variable has in this layer: its name without the prefix.</summary>
    /// <param name="variable">A name like "TRACKER_ENABLED".</param>
    /// <returns>A key like "ENABLED".</returns>
    public static string KeyOf(string variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        return variable[SettingNames.EnvironmentPrefix.Length..];
    }
}
