namespace JobTracker.Ids;

/// <summary>The shape of a job ID: exactly <see cref="Length"/> characters from <see cref="Alphabet"/>.</summary>
internal static class JobId
{
    /// <summary>The number of characters in an ID.</summary>
    public const int Length = 8;

    /// <summary>The characters an ID is made of: A–Z, a–z, 0–9.</summary>
    public const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>How many characters of a rejected ID may be echoed back in an error message.</summary>
    public const int MaxEchoLength = 16;

    /// <summary>Tells whether <paramref name="candidate"/> is a well-formed ID (<c>^[A-Za-z0-9]{8}$</c>).</summary>
    /// <param name="candidate">Any text, possibly hostile.</param>
    /// <returns><see langword="true"/> if it can be an ID.</returns>
    public static bool IsWellFormed(string? candidate)
    {
        if (candidate is null || candidate.Length != Length)
        {
            return false;
        }

        foreach (var c in candidate)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A version of <paramref name="candidate"/> safe to echo in a message: at most
    /// <see cref="MaxEchoLength"/> characters, anything but an ASCII letter or digit replaced by '?',
    /// and "..." appended when it was cut.
    /// </summary>
    /// <param name="candidate">Any text, possibly hostile.</param>
    /// <returns>The sanitized text.</returns>
    public static string Sanitize(string? candidate)
    {
        if (string.IsNullOrEmpty(candidate))
        {
            return string.Empty;
        }

        var length = Math.Min(candidate.Length, MaxEchoLength);
        var cut = candidate.Length > MaxEchoLength;
        return string.Create(length + (cut ? 3 : 0), candidate, (span, source) =>
        {
            for (var i = 0; i < length; i++)
            {
                span[i] = char.IsAsciiLetterOrDigit(source[i]) ? source[i] : '?';
            }

            span[length..].Fill('.');
        });
    }
}
