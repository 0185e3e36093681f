namespace JobTracker.Security;

/// <summary>
/// The user and password of an HTTP Basic <c>Authorization</c> header, read exactly as A1111 reads it (FastAPI's
/// <c>HTTPBasic</c>, <c>fastapi/security/http.py</c>, the same from 0.92 to 0.104): the value is split at its first
/// space; the part before must be <c>basic</c> in any case; the part after is decoded with Python's lenient
/// <c>base64.b64decode</c> (see <see cref="LenientBase64"/>), must be ASCII, and is split at its first ':'.
/// Whatever A1111 accepts is read as the same user; whatever it refuses is refused here.
/// </summary>
/// <param name="User">The user name (may be empty).</param>
/// <param name="Password">The password; may contain ':'.</param>
internal sealed record BasicCredentials(string User, string Password)
{
    /// <summary>Tells whether the header names the Basic scheme (else A1111 answers "Not authenticated").</summary>
    /// <param name="authorization">The header value, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> if the header is present and its scheme is <c>basic</c> in any case.</returns>
    public static bool IsBasic(string? authorization)
    {
        if (string.IsNullOrEmpty(authorization))
        {
            return false;
        }

        // Python's partition(" "): only a space separates, and " Basic x" has the empty scheme. Among the
        // characters a header can carry (latin-1), only A-Z lower-case to ASCII, so an ASCII comparison is exact.
        var space = authorization.IndexOf(' ', StringComparison.Ordinal);
        var scheme = space < 0 ? authorization.AsSpan() : authorization.AsSpan(0, space);
        return scheme.Equals("basic", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Decodes the header as A1111 does.</summary>
    /// <param name="authorization">The header value, or <see langword="null"/>.</param>
    /// <returns>The credentials, or <see langword="null"/> if the header is missing, not Basic, or refused by A1111.</returns>
    public static BasicCredentials? Parse(string? authorization)
    {
        if (!IsBasic(authorization))
        {
            return null;
        }

        var space = authorization!.IndexOf(' ', StringComparison.Ordinal);
        var param = space < 0 ? ReadOnlySpan<char>.Empty : authorization.AsSpan(space + 1);
        if (LenientBase64.Decode(param) is not { } bytes || bytes.AsSpan().ContainsAnyExceptInRange((byte)0, (byte)0x7F))
        {
            return null;
        }

        // ASCII only (Python's .decode("ascii")), so Latin1 maps each byte to the same character.
        var text = System.Text.Encoding.Latin1.GetString(bytes);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? null : new BasicCredentials(text[..colon], text[(colon + 1)..]);
    }
}
