using System.Buffers.Text;
using System.Text;

namespace JobTracker.Security;

/// <summary>The user and password of an HTTP Basic <c>Authorization</c> header.</summary>
/// <param name="User">The user name (may be empty).</param>
/// <param name="Password">The password; may contain ':'.</param>
public sealed record BasicCredentials(string User, string Password)
{
    private const int MaxHeaderLength = 8192;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes <c>Basic base64(user:password)</c>; the scheme is case-insensitive.</summary>
    /// <param name="authorization">The header value, or <see langword="null"/>.</param>
    /// <returns>The credentials, or <see langword="null"/> if the header is missing, not Basic, or undecodable.</returns>
    public static BasicCredentials? Parse(string? authorization)
    {
        if (authorization is null || authorization.Length > MaxHeaderLength)
        {
            return null;
        }

        var value = authorization.AsSpan().Trim();
        var space = value.IndexOf(' ');
        if (space <= 0 || !value[..space].Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var encoded = value[(space + 1)..].Trim();
        var bytes = new byte[Base64.GetMaxDecodedFromUtf8Length(encoded.Length)];
        if (!Convert.TryFromBase64Chars(encoded, bytes, out var length))
        {
            return null;
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes, 0, length);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? null : new BasicCredentials(text[..colon], text[(colon + 1)..]);
    }
}
