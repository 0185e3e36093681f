namespace JobTracker.Images;

/// <summary>An image file type, detected from the file's first bytes rather than trusted from anywhere.</summary>
/// <param name="Extension">The file extension without the dot, e.g. "png".</param>
/// <param name="ContentType">The media type, e.g. "image/png".</param>
internal sealed record ImageFormat(string Extension, string ContentType)
{
    /// <summary>Gets PNG.</summary>
    public static ImageFormat Png { get; } = new("png", "image/png");

    /// <summary>Gets JPEG.</summary>
    public static ImageFormat Jpeg { get; } = new("jpg", "image/jpeg");

    /// <summary>Gets WebP.</summary>
    public static ImageFormat Webp { get; } = new("webp", "image/webp");

    /// <summary>Gets the type of anything unrecognized, kept as opaque bytes.</summary>
    public static ImageFormat Unknown { get; } = new("bin", "application/octet-stream");

    private static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];

    /// <summary>Detects the format from magic bytes: PNG, JPEG, WebP (RIFF....WEBP), else <see cref="Unknown"/>.</summary>
    /// <param name="data">The file's content (only the first 12 bytes are read).</param>
    /// <returns>The format.</returns>
    public static ImageFormat Detect(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith(PngSignature))
        {
            return Png;
        }

        if (data.StartsWith(JpegSignature))
        {
            return Jpeg;
        }

        if (data.Length >= 12 && data.StartsWith("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8))
        {
            return Webp;
        }

        return Unknown;
    }
}
