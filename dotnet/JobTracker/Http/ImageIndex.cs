namespace JobTracker.Http;

/// <summary>
/// The <c>{n}</c> of <c>/sdapi/v1/job/{id}/images/{n}</c>: only the canonical decimal form names an image ("0", "1",
/// "12"; no sign, leading zero, space, NUL or other digits). .NET's number parsing would also take "00" and "0\0".
/// </summary>
internal static class ImageIndex
{
    /// <summary>Reads a canonical index; a canonical number too large for an <see cref="int"/> reads as <see cref="int.MaxValue"/> (past any image).</summary>
    /// <returns><see langword="false"/> if <paramref name="text"/> is not a canonical decimal number.</returns>
    public static bool TryParse(string? text, out int index)
    {
        index = 0;
        if (string.IsNullOrEmpty(text) || (text[0] == '0' && text.Length > 1) || !text.AsSpan().ContainsOnlyAsciiDigits())
        {
            return false;
        }

        index = text.Length > 10 || !int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? int.MaxValue
            : n;
        return true;
    }

    private static bool ContainsOnlyAsciiDigits(this ReadOnlySpan<char> text) => !text.ContainsAnyExceptInRange('0', '9');
}
