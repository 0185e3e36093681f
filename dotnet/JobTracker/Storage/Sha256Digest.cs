using System.Buffers.Binary;

namespace JobTracker.Storage;

/// <summary>
/// A SHA-256 held as four numbers rather than 64 hex characters: every job keeps one, and as a string it
/// would be the largest thing in a job after the prompt.
/// </summary>
internal readonly record struct Sha256Digest(ulong A, ulong B, ulong C, ulong D)
{
    /// <summary>Parses exactly 64 lower-case hex digits, the form the tracker writes; anything else is kept as text.</summary>
    public static bool TryParseLowerHex(string? text, out Sha256Digest digest)
    {
        digest = default;
        if (text is not { Length: 64 } || text.AsSpan().ContainsAnyExcept("0123456789abcdef"))
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[32];
        Convert.FromHexString(text, bytes, out _, out _);
        digest = FromBytes(bytes);
        return true;
    }

    /// <summary>Parses exactly 64 lower-case hex digits in UTF-8, as <see cref="TryParseLowerHex(string?, out Sha256Digest)"/>.</summary>
    public static bool TryParseLowerHex(ReadOnlySpan<byte> utf8, out Sha256Digest digest)
    {
        digest = default;
        if (utf8.Length != 64 || utf8.ContainsAnyExcept("0123456789abcdef"u8))
        {
            return false;
        }

        Span<char> text = stackalloc char[64];
        for (var i = 0; i < 64; i++)
        {
            text[i] = (char)utf8[i];
        }

        Span<byte> bytes = stackalloc byte[32];
        Convert.FromHexString(text, bytes, out _, out _);
        digest = FromBytes(bytes);
        return true;
    }

    private static Sha256Digest FromBytes(ReadOnlySpan<byte> bytes) => new(
        BinaryPrimitives.ReadUInt64BigEndian(bytes),
        BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]),
        BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]),
        BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]));

    /// <summary>The 64 lower-case hex digits.</summary>
    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[32];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, A);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], B);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[16..], C);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[24..], D);
        return Convert.ToHexStringLower(bytes);
    }
}
