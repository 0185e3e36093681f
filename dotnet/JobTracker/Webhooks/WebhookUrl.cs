namespace JobTracker.Webhooks;

/// <summary>The rules for the URL a request gives in <c>X-Webhook-URL</c>, checked before the request is admitted.</summary>
internal static class WebhookUrl
{
    /// <summary>The request header that asks for a webhook.</summary>
    public const string Header = "x-webhook-url";

    /// <summary>The longest URL accepted.</summary>
    public const int MaxLength = 2048;

    /// <summary>Checks a webhook URL.</summary>
    /// <param name="text">The header's value.</param>
    /// <param name="allow">The allowed targets.</param>
    /// <param name="url">The URL, when it is acceptable.</param>
    /// <param name="problem">Why it is refused, for the client's 400.</param>
    /// <returns><see langword="true"/> if webhooks may be sent to it.</returns>
    public static bool TryAccept(string text, WebhookAllowList allow, out Uri? url, out string problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(allow);
        url = null;
        problem = string.Empty;
        if (text.Length is 0 or > MaxLength)
        {
            problem = $"X-Webhook-URL must be an http or https URL of 1 to {MaxLength} characters";
            return false;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var parsed))
        {
            problem = "X-Webhook-URL is not an absolute URL";
            return false;
        }

        if (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps)
        {
            problem = "X-Webhook-URL must use http or https";
            return false;
        }

        if (parsed.UserInfo.Length > 0 || text.AsSpan(parsed.Scheme.Length).StartsWith("://@", StringComparison.Ordinal))
        {
            problem = "X-Webhook-URL must not carry credentials (user:password@); the delivery is signed instead";
            return false;
        }

        if (!allow.AllowsHost(parsed))
        {
            problem = $"X-Webhook-URL's host {parsed.Host} is not one this server may send webhooks to";
            return false;
        }

        url = parsed;
        return true;
    }
}
