using System.Globalization;
using System.Text;

namespace JobTracker.Tracking;

/// <summary>
/// Reads a JSON object in one forward pass with the grammar of Python's <c>json.loads</c> (C scanner, strict mode),
/// which A1111 parses request bodies with: <c>NaN</c>, <c>Infinity</c> and <c>-Infinity</c> are values, escaped lone
/// surrogates are allowed, control characters inside strings are not, any depth is read (Python's own limit is its
/// recursion limit: a deeper body is refused there, and its reservation dropped), and a repeated key keeps its last value.
/// No document is built: img2img bodies hold megabytes of base64.
/// </summary>
internal static class PythonJsonObject
{
    private const byte Quote = (byte)'"';

    /// <summary>Reads <paramref name="text"/> (UTF-8, lone surrogates allowed) if it is exactly one JSON object, blanks around it.</summary>
    public static bool TryRead(ReadOnlySpan<byte> text, out RequestFacts facts)
    {
        facts = default;
        var i = SkipBlanks(text, 0);
        if (i >= text.Length || text[i] != (byte)'{')
        {
            return false;
        }

        string prompt = string.Empty, negative = string.Empty;
        var members = 0;
        i = SkipBlanks(text, i + 1);
        if (i < text.Length && text[i] == (byte)'}')
        {
            return Finish(text, i, prompt, negative, members, out facts);
        }

        while (true)
        {
            if (!TryScanString(text, i, out var keyEnd))
            {
                return false;
            }

            var key = Decode(text[(i + 1)..(keyEnd - 1)]);
            i = SkipBlanks(text, keyEnd);
            if (i >= text.Length || text[i] != (byte)':')
            {
                return false;
            }

            var valueStart = SkipBlanks(text, i + 1);
            if (!TrySkipValue(text, valueStart, out var valueEnd))
            {
                return false;
            }

            members++;
            if (key is "prompt" or "negative_prompt")
            {
                // A non-string prompt counts as none; the last of repeated keys wins, as in Python's dict.
                var value = text[valueStart] == Quote ? Decode(text[(valueStart + 1)..(valueEnd - 1)]) : string.Empty;
                (prompt, negative) = key == "prompt" ? (value, negative) : (prompt, value);
            }

            i = SkipBlanks(text, valueEnd);
            if (i < text.Length && text[i] == (byte)'}')
            {
                return Finish(text, i, prompt, negative, members, out facts);
            }

            if (i >= text.Length || text[i] != (byte)',')
            {
                return false;
            }

            i = SkipBlanks(text, i + 1);
        }
    }

    private static bool Finish(ReadOnlySpan<byte> text, int close, string prompt, string negative, int members, out RequestFacts facts)
    {
        facts = new RequestFacts(prompt, negative, close, members > 0);
        return SkipBlanks(text, close + 1) == text.Length;
    }

    // Python's json whitespace is exactly these four.
    private static int SkipBlanks(ReadOnlySpan<byte> text, int i)
    {
        while (i < text.Length && text[i] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
        {
            i++;
        }

        return i;
    }

    // One value of any depth, without recursion: a stack of the closers still expected.
    private static bool TrySkipValue(ReadOnlySpan<byte> text, int i, out int end)
    {
        end = i;
        var closers = new Stack<byte>();
        while (true)
        {
            if (i >= text.Length)
            {
                return false;
            }

            var opened = text[i] is (byte)'{' or (byte)'[';
            if (opened)
            {
                closers.Push(text[i] == (byte)'{' ? (byte)'}' : (byte)']');
                i = SkipBlanks(text, i + 1);
                if (i < text.Length && text[i] == closers.Peek())
                {
                    closers.Pop();
                    i++;
                }
                else if (!TryStartElement(text, ref i, closers.Peek()))
                {
                    return false;
                }
                else
                {
                    continue;
                }
            }
            else if (!TryScanScalar(text, i, out i))
            {
                return false;
            }

            // After a value: close containers, or go on to the next element.
            while (true)
            {
                if (closers.Count == 0)
                {
                    end = i;
                    return true;
                }

                i = SkipBlanks(text, i);
                if (i < text.Length && text[i] == closers.Peek())
                {
                    closers.Pop();
                    i++;
                    continue;
                }

                if (i >= text.Length || text[i] != (byte)',')
                {
                    return false;
                }

                i = SkipBlanks(text, i + 1);
                if (!TryStartElement(text, ref i, closers.Peek()))
                {
                    return false;
                }

                break;
            }
        }
    }

    // Inside an object an element starts with "key":, inside an array with the value itself.
    private static bool TryStartElement(ReadOnlySpan<byte> text, ref int i, byte closer)
    {
        if (closer == (byte)']')
        {
            return true;
        }

        if (!TryScanString(text, i, out var keyEnd))
        {
            return false;
        }

        i = SkipBlanks(text, keyEnd);
        if (i >= text.Length || text[i] != (byte)':')
        {
            return false;
        }

        i = SkipBlanks(text, i + 1);
        return true;
    }

    private static bool TryScanScalar(ReadOnlySpan<byte> text, int i, out int end)
    {
        end = i;
        var rest = text[i..];
        foreach (var literal in Literals)
        {
            if (rest.StartsWith(literal))
            {
                end = i + literal.Length;
                return true;
            }
        }

        return text[i] == Quote ? TryScanString(text, i, out end) : TryScanNumber(text, i, out end);
    }

    private static readonly byte[][] Literals = ["null"u8.ToArray(), "true"u8.ToArray(), "false"u8.ToArray(), "NaN"u8.ToArray(), "Infinity"u8.ToArray(), "-Infinity"u8.ToArray()];

    // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)? ; a '.' or 'e' without digits after it ends the number before it.
    private static bool TryScanNumber(ReadOnlySpan<byte> text, int i, out int end)
    {
        end = i;
        if (i < text.Length && text[i] == (byte)'-')
        {
            i++;
        }

        if (i >= text.Length || !IsDigit(text[i]))
        {
            return false;
        }

        i = text[i] == (byte)'0' ? i + 1 : Digits(text, i);
        if (i + 1 < text.Length && text[i] == (byte)'.' && IsDigit(text[i + 1]))
        {
            i = Digits(text, i + 1);
        }

        if (i < text.Length && text[i] is (byte)'e' or (byte)'E')
        {
            var j = i + 1;
            if (j < text.Length && text[j] is (byte)'+' or (byte)'-')
            {
                j++;
            }

            if (j < text.Length && IsDigit(text[j]))
            {
                i = Digits(text, j);
            }
        }

        end = i;
        return true;
    }

    private static int Digits(ReadOnlySpan<byte> text, int i)
    {
        while (i < text.Length && IsDigit(text[i]))
        {
            i++;
        }

        return i;
    }

    private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';

    private static bool TryScanString(ReadOnlySpan<byte> text, int i, out int end)
    {
        end = i;
        if (i >= text.Length || text[i] != Quote)
        {
            return false;
        }

        for (i++; i < text.Length; i++)
        {
            var b = text[i];
            if (b == Quote)
            {
                end = i + 1;
                return true;
            }

            if (b < 0x20)
            {
                return false;
            }

            if (b != (byte)'\\')
            {
                continue;
            }

            if (++i >= text.Length)
            {
                return false;
            }

            switch (text[i])
            {
                case (byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t':
                    break;
                case (byte)'u' when i + 4 < text.Length && IsHex(text.Slice(i + 1, 4)):
                    i += 4;
                    break;
                default:
                    return false;
            }
        }

        return false;
    }

    private static bool IsHex(ReadOnlySpan<byte> digits) =>
        !digits.ContainsAnyExcept("0123456789abcdefABCDEF"u8);

    // The text of a string already scanned, for the record: lone surrogates (escaped or encoded) become U+FFFD.
    private static string Decode(ReadOnlySpan<byte> inner)
    {
        if (!inner.Contains((byte)'\\'))
        {
            return ReplaceLoneSurrogates(DecodeRun(inner));
        }

        var text = new StringBuilder(inner.Length);
        var run = 0;
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] != (byte)'\\')
            {
                continue;
            }

            text.Append(DecodeRun(inner[run..i]));
            var escape = inner[++i];
            if (escape == (byte)'u')
            {
                text.Append((char)int.Parse(Encoding.ASCII.GetString(inner.Slice(i + 1, 4)), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 4;
            }
            else
            {
                text.Append(escape switch
                {
                    (byte)'b' => '\b',
                    (byte)'f' => '\f',
                    (byte)'n' => '\n',
                    (byte)'r' => '\r',
                    (byte)'t' => '\t',
                    _ => (char)escape,
                });
            }

            run = i + 1;
        }

        text.Append(DecodeRun(inner[run..]));
        return ReplaceLoneSurrogates(text.ToString());
    }

    // UTF-8 where an encoded surrogate (ED A0..BF xx, already validated) is read as that one character, as Python does.
    private static string DecodeRun(ReadOnlySpan<byte> run)
    {
        var surrogate = run.IndexOf((byte)0xED);
        while (surrogate >= 0 && run[surrogate + 1] < 0xA0)
        {
            var next = run[(surrogate + 1)..].IndexOf((byte)0xED);
            surrogate = next < 0 ? -1 : surrogate + 1 + next;
        }

        if (surrogate < 0)
        {
            return Encoding.UTF8.GetString(run);
        }

        var character = (char)(0xD000 | ((run[surrogate + 1] & 0x3F) << 6) | (run[surrogate + 2] & 0x3F));
        return Encoding.UTF8.GetString(run[..surrogate]) + character + DecodeRun(run[(surrogate + 3)..]);
    }

    private static string ReplaceLoneSurrogates(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF'))
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars);
    }
}
