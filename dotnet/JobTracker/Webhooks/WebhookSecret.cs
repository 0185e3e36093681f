namespace JobTracker.Webhooks;

/// <summary>
/// The HMAC key webhooks are signed with, given as the Standard Webhooks specification serialises it:
/// <c>whsec_</c> followed by the base64 of 24 to 64 random bytes (<c>TRACKER_WEBHOOK_SECRET</c>).
/// </summary>
internal sealed class WebhookSecret
{
    /// <summary>The prefix of a serialised secret.</summary>
    public const string Prefix = "whsec_";

    /// <summary>The fewest key bytes the specification allows (192 bits).</summary>
    public const int MinBytes = 24;

    /// <summary>The most key bytes the specification allows (512 bits).</summary>
    public const int MaxBytes = 64;

    private readonly byte[] _key;

    private WebhookSecret(byte[] key) => _key = key;

    /// <summary>Gets the HMAC key (the decoded part after <c>whsec_</c>).</summary>
    public ReadOnlySpan<byte> Key => _key;

    /// <summary>Parses <c>whsec_&lt;base64&gt;</c>.</summary>
    /// <param name="text">The serialised secret.</param>
    /// <param name="secret">The secret, when valid.</param>
    /// <param name="problem">What is wrong, when not; it never repeats the value.</param>
    /// <returns><see langword="true"/> if <paramref name="text"/> is a valid secret.</returns>
    public static bool TryParse(string? text, out WebhookSecret? secret, out string problem)
    {
        secret = null;
        problem = string.Empty;
        var value = text?.Trim() ?? string.Empty;
        if (!value.StartsWith(Prefix, StringComparison.Ordinal))
        {
            problem = $"it does not start with \"{Prefix}\"";
            return false;
        }

        var encoded = value[Prefix.Length..];
        var key = new byte[((encoded.Length + 3) / 4) * 3];
        if (!Convert.TryFromBase64String(encoded, key, out var length))
        {
            problem = $"the part after \"{Prefix}\" is not base64";
            return false;
        }

        if (length is < MinBytes or > MaxBytes)
        {
            problem = $"its key is {length} bytes; the Standard Webhooks specification asks for {MinBytes} to {MaxBytes} random bytes";
            return false;
        }

        secret = new WebhookSecret(key[..length]);
        return true;
    }
}
