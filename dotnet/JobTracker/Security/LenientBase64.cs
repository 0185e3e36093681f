namespace JobTracker.Security;

/// <summary>
/// Python's <c>base64.b64decode(text)</c> with its defaults (<c>validate=False</c>), byte for byte: the text must be
/// ASCII; characters outside the base64 alphabet are skipped; a run of '=' that completes a group ends the data (what
/// follows is ignored); '=' anywhere else is skipped; data that ends one character past a whole group, or inside a
/// group without its padding, is an error. Read from CPython's <c>binascii.a2b_base64</c> (3.10 to 3.13, non-strict).
/// </summary>
internal static class LenientBase64
{
    private const char Pad = '=';

    /// <summary>Decodes <paramref name="text"/> as Python does.</summary>
    /// <returns>The bytes, or <see langword="null"/> where Python raises (non-ASCII text, a bad length or padding).</returns>
    public static byte[]? Decode(ReadOnlySpan<char> text)
    {
        if (text.ContainsAnyExceptInRange((char)0, (char)0x7F))
        {
            return null;
        }

        var output = new byte[(text.Length / 4 * 3) + 3];
        int written = 0, quadPosition = 0, leftBits = 0, pads = 0;
        foreach (var c in text)
        {
            if (c == Pad)
            {
                if (quadPosition >= 2 && quadPosition + ++pads >= 4)
                {
                    return output[..written];
                }

                continue;
            }

            var value = ValueOf(c);
            if (value < 0)
            {
                continue;
            }

            pads = 0;
            switch (quadPosition)
            {
                case 0:
                    quadPosition = 1;
                    leftBits = value;
                    break;
                case 1:
                    quadPosition = 2;
                    output[written++] = (byte)((leftBits << 2) | (value >> 4));
                    leftBits = value & 0x0F;
                    break;
                case 2:
                    quadPosition = 3;
                    output[written++] = (byte)((leftBits << 4) | (value >> 2));
                    leftBits = value & 0x03;
                    break;
                default:
                    quadPosition = 0;
                    output[written++] = (byte)((leftBits << 6) | value);
                    leftBits = 0;
                    break;
            }
        }

        return quadPosition == 0 ? output[..written] : null;
    }

    private static int ValueOf(char c) => c switch
    {
        >= 'A' and <= 'Z' => c - 'A',
        >= 'a' and <= 'z' => c - 'a' + 26,
        >= '0' and <= '9' => c - '0' + 52,
        '+' => 62,
        '/' => 63,
        _ => -1,
    };
}
