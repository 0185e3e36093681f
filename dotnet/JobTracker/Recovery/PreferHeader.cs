namespace JobTracker.Recovery;

/// <summary>Reads the RFC 7240 <c>Prefer</c> request header.</summary>
internal static class PreferHeader
{
    /// <summary>The preference asking for an immediate <c>202 Accepted</c>.</summary>
    public const string RespondAsync = "respond-async";

    /// <summary>Tells whether the header asks for <c>respond-async</c> (tokens are comma-separated, case-insensitive, parameters after ';').</summary>
    /// <param name="prefer">The header value, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> if one of its preferences is <c>respond-async</c>.</returns>
    public static bool AsksRespondAsync(string? prefer)
    {
        if (string.IsNullOrEmpty(prefer))
        {
            return false;
        }

        foreach (var range in prefer.AsSpan().Split(','))
        {
            var preference = prefer.AsSpan(range);
            var semicolon = preference.IndexOf(';');
            var token = (semicolon < 0 ? preference : preference[..semicolon]).Trim();
            var equals = token.IndexOf('=');
            if ((equals < 0 ? token : token[..equals]).Trim().Equals(RespondAsync, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
