using JobTracker.Configuration;
using JobTracker.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace JobTracker.Webhooks;

/// <summary>
/// Reads <see cref="WebhookOptions"/> from the <c>TRACKER_*</c> environment. Every problem is one <c>[Job Tracker]</c> line;
/// webhooks stay off unless both an allowed target and a valid secret are given.
/// </summary>
internal static class WebhookOptionsLoader
{
    private const int MaxQuotedLength = 80;

    /// <summary>Reads the webhook settings.</summary>
    /// <param name="environment">The environment layer.</param>
    /// <param name="log">Where problems are reported.</param>
    /// <returns>The settings; <see cref="WebhookOptions.Enabled"/> tells whether webhooks are on.</returns>
    public static WebhookOptions Load(EnvironmentLayer environment, ITrackerLog log)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(log);
        var root = new ConfigurationBuilder().Add(environment.Source).Build();
        try
        {
            var allowText = Value(root, WebhookOptions.AllowVariable);
            var secretText = Value(root, WebhookOptions.SecretVariable);
            var retryText = Value(root, WebhookOptions.RetryVariable);
            var allow = WebhookAllowList.Parse(allowText);
            foreach (var entry in allow.InvalidEntries)
            {
                log.Write($"{WebhookOptions.AllowVariable}: \"{Quote(entry)}\" is neither a host name, an IP address nor a CIDR range; ignored");
            }

            var retries = WebhookRetrySchedule.Default;
            if (!string.IsNullOrWhiteSpace(retryText) && !WebhookRetrySchedule.TryParse(retryText, out retries!))
            {
                log.Write($"{WebhookOptions.RetryVariable}=\"{Quote(retryText)}\" is not a comma-separated list of 1 to {WebhookRetrySchedule.MaxDelays} whole seconds (1 to {WebhookRetrySchedule.MaxDelaySeconds}); ignored, the default {WebhookRetrySchedule.Default} applies");
                retries = WebhookRetrySchedule.Default;
            }

            if (allow.Count == 0)
            {
                if (!string.IsNullOrWhiteSpace(secretText))
                {
                    log.Write($"{WebhookOptions.SecretVariable} is set but {WebhookOptions.AllowVariable} lists no valid target: webhooks stay off");
                }

                return WebhookOptions.Off;
            }

            if (string.IsNullOrWhiteSpace(secretText))
            {
                log.Write($"webhooks stay off: {WebhookOptions.AllowVariable} is set but {WebhookOptions.SecretVariable} is not; set it to \"{WebhookSecret.Prefix}\" followed by the base64 of 32 random bytes, e.g. python3 -c \"import base64,secrets; print('whsec_' + base64.b64encode(secrets.token_bytes(32)).decode())\"");
                return WebhookOptions.Off;
            }

            if (!WebhookSecret.TryParse(secretText, out var secret, out var problem))
            {
                log.Write($"webhooks stay off: {WebhookOptions.SecretVariable} is not a valid secret ({problem})");
                return WebhookOptions.Off;
            }

            return new WebhookOptions { Allow = allow, Secret = secret, Retries = retries };
        }
        finally
        {
            (root as IDisposable)?.Dispose();
        }
    }

    private static string? Value(IConfiguration root, string variable) => root[EnvironmentLayer.KeyOf(variable)];

    private static string Quote(string text) =>
        text.Length <= MaxQuotedLength ? text : string.Concat(text.AsSpan(0, MaxQuotedLength), "...");
}
