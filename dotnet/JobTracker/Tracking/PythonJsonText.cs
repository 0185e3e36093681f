using System.Buffers.Binary;

namespace JobTracker.Tracking;

/// <summary>
/// The bytes of a request body as Python's <c>json.loads(bytes)</c> reads them, which is how A1111 (Starlette's
/// <c>Request.json()</c>) reads them: the encoding is detected as <c>json.detect_encoding</c> does (a UTF-8, UTF-16 or
/// UTF-32 BOM, else the pattern of zero bytes), and decoded with <c>surrogatepass</c> (lone surrogates are kept).
/// The result is UTF-8 where a lone surrogate is written as its three bytes (what Python's UTF-8 decoder with
/// <c>surrogatepass</c> reads back as the same character).
/// </summary>
internal static class PythonJsonText
{
    /// <summary>Finds the UTF-8 text of <paramref name="body"/>.</summary>
    /// <param name="body">The request body.</param>
    /// <param name="offset">Where the text starts in <paramref name="body"/> (3 after a UTF-8 BOM, else 0), when it is UTF-8.</param>
    /// <param name="transcoded">The text made UTF-8, when the body is UTF-16 or UTF-32; else <see langword="null"/>.</param>
    /// <returns><see langword="false"/> if Python could not decode the body (it answers 400 and runs nothing).</returns>
    public static bool TryDecode(ReadOnlySpan<byte> body, out int offset, out byte[]? transcoded)
    {
        offset = 0;
        transcoded = null;
        var encoding = Detect(body);
        switch (encoding)
        {
            case Encoding.Utf8Sig:
                offset = 3;
                return IsUtf8WithSurrogates(body[3..]);
            case Encoding.Utf8:
                return IsUtf8WithSurrogates(body);
            case Encoding.Utf16Le or Encoding.Utf16Be:
                transcoded = FromUtf16(body[(IsBomFor(body, encoding) ? 2 : 0)..], encoding == Encoding.Utf16Be);
                return transcoded is not null;
            default:
                transcoded = FromUtf32(body[(IsBomFor(body, encoding) ? 4 : 0)..], encoding == Encoding.Utf32Be);
                return transcoded is not null;
        }
    }

    private enum Encoding
    {
        Utf8,
        Utf8Sig,
        Utf16Le,
        Utf16Be,
        Utf32Le,
        Utf32Be,
    }

    // json.detect_encoding, line by line (CPython Lib/json/__init__.py, the same from 3.6 to 3.13).
    private static Encoding Detect(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0, 0]))
        {
            return Encoding.Utf32Le;
        }

        if (b.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF]))
        {
            return Encoding.Utf32Be;
        }

        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Utf16Le;
        }

        if (b.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.Utf16Be;
        }

        if (b.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Encoding.Utf8Sig;
        }

        if (b.Length >= 4)
        {
            if (b[0] == 0)
            {
                return b[1] != 0 ? Encoding.Utf16Be : Encoding.Utf32Be;
            }

            if (b[1] == 0)
            {
                return b[2] != 0 || b[3] != 0 ? Encoding.Utf16Le : Encoding.Utf32Le;
            }
        }
        else if (b.Length == 2)
        {
            if (b[0] == 0)
            {
                return Encoding.Utf16Be;
            }

            if (b[1] == 0)
            {
                return Encoding.Utf16Le;
            }
        }

        return Encoding.Utf8;
    }

    private static bool IsBomFor(ReadOnlySpan<byte> b, Encoding encoding) => encoding switch
    {
        Encoding.Utf16Le => b[0] == 0xFF && b[1] == 0xFE,
        Encoding.Utf16Be => b[0] == 0xFE && b[1] == 0xFF,
        Encoding.Utf32Le => b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0, 0]),
        _ => b.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF]),
    };

    /// <summary>Valid UTF-8, where the encoded surrogates ED A0 80 to ED BF BF are allowed too (<c>surrogatepass</c>).</summary>
    private static bool IsUtf8WithSurrogates(ReadOnlySpan<byte> text)
    {
        if (System.Text.Unicode.Utf8.IsValid(text))
        {
            return true;
        }

        for (var i = 0; i < text.Length;)
        {
            var b = text[i];
            var (length, low, high) = b switch
            {
                < 0x80 => (1, 0x80, 0xBF),
                >= 0xC2 and <= 0xDF => (2, 0x80, 0xBF),
                0xE0 => (3, 0xA0, 0xBF),
                >= 0xE1 and <= 0xEF => (3, 0x80, 0xBF),
                0xF0 => (4, 0x90, 0xBF),
                >= 0xF1 and <= 0xF3 => (4, 0x80, 0xBF),
                0xF4 => (4, 0x80, 0x8F),
                _ => (0, 0, 0),
            };
            if (length == 0 || i + length > text.Length || (length > 1 && (text[i + 1] < low || text[i + 1] > high)))
            {
                return false;
            }

            for (var k = 2; k < length; k++)
            {
                if (text[i + k] is < 0x80 or > 0xBF)
                {
                    return false;
                }
            }

            i += length;
        }

        return true;
    }

    private static byte[]? FromUtf16(ReadOnlySpan<byte> text, bool bigEndian)
    {
        if (text.Length % 2 != 0)
        {
            return null;
        }

        var output = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i += 2)
        {
            int unit = bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(text[i..]) : BinaryPrimitives.ReadUInt16LittleEndian(text[i..]);
            if (unit is >= 0xD800 and <= 0xDBFF && i + 4 <= text.Length)
            {
                int next = bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(text[(i + 2)..]) : BinaryPrimitives.ReadUInt16LittleEndian(text[(i + 2)..]);
                if (next is >= 0xDC00 and <= 0xDFFF)
                {
                    Append(output, 0x10000 + ((unit - 0xD800) << 10) + (next - 0xDC00));
                    i += 2;
                    continue;
                }
            }

            Append(output, unit);
        }

        return [.. output];
    }

    private static byte[]? FromUtf32(ReadOnlySpan<byte> text, bool bigEndian)
    {
        if (text.Length % 4 != 0)
        {
            return null;
        }

        var output = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i += 4)
        {
            var code = bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(text[i..]) : BinaryPrimitives.ReadUInt32LittleEndian(text[i..]);
            if (code > 0x10FFFF)
            {
                return null;
            }

            Append(output, (int)code);
        }

        return [.. output];
    }

    // UTF-8 of any code point, surrogates included (three bytes each, as Python's surrogatepass writes them).
    private static void Append(List<byte> output, int code)
    {
        if (code < 0x80)
        {
            output.Add((byte)code);
        }
        else if (code < 0x800)
        {
            output.Add((byte)(0xC0 | (code >> 6)));
            output.Add((byte)(0x80 | (code & 0x3F)));
        }
        else if (code < 0x10000)
        {
            output.Add((byte)(0xE0 | (code >> 12)));
            output.Add((byte)(0x80 | ((code >> 6) & 0x3F)));
            output.Add((byte)(0x80 | (code & 0x3F)));
        }
        else
        {
            output.Add((byte)(0xF0 | (code >> 18)));
            output.Add((byte)(0x80 | ((code >> 12) & 0x3F)));
            output.Add((byte)(0x80 | ((code >> 6) & 0x3F)));
            output.Add((byte)(0x80 | (code & 0x3F)));
        }
    }
}
