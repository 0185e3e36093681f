using System.Collections;
using JobTracker.Images;

namespace JobTracker.Storage;

/// <summary>
/// A job's images when their file names follow the tracker's pattern <c>&lt;id&gt;-&lt;n&gt;.&lt;ext&gt;</c> and
/// their content types match the extension: only the formats are kept (one byte each, and the arrays of
/// images all of one format are shared), and the names are made again when asked for.
/// </summary>
internal sealed class DerivedImages : IReadOnlyList<StoredImage>
{
    private readonly string _id;
    private readonly byte[] _formats;

    /// <summary>Initializes a new instance of the <see cref="DerivedImages"/> class.</summary>
    /// <param name="id">The job ID.</param>
    /// <param name="formats">The images' formats, as <see cref="TryDerive"/> returned them.</param>
    public DerivedImages(string id, byte[] formats)
    {
        _id = id;
        _formats = formats;
    }

    /// <inheritdoc/>
    public int Count => _formats.Length;

    /// <inheritdoc/>
    public StoredImage this[int index]
    {
        get
        {
            var code = _formats[index];
            return new StoredImage(ImageNames.FileName(_id, index, code), ImageNames.ContentTypeOf(code));
        }
    }

    /// <summary>The formats of <paramref name="images"/> if every name follows the pattern for <paramref name="id"/>.</summary>
    /// <returns>The formats, or <see langword="null"/> if the images must keep their names.</returns>
    public static byte[]? TryDerive(string id, IReadOnlyList<StoredImage> images)
    {
        if (images is DerivedImages derived && derived._id == id)
        {
            return derived._formats;
        }

        Span<byte> codes = images.Count <= 64 ? stackalloc byte[images.Count] : new byte[images.Count];
        for (var i = 0; i < images.Count; i++)
        {
            var image = images[i];
            var code = ImageNames.CodeOf(image.ContentType);
            if (code < 0 || !IsName(image.File, id, i, ImageNames.Format(code)))
            {
                return null;
            }

            codes[i] = (byte)code;
        }

        return ImageNames.Formats(codes);
    }

    /// <inheritdoc/>
    public IEnumerator<StoredImage> GetEnumerator()
    {
        for (var i = 0; i < _formats.Length; i++)
        {
            yield return this[i];
        }
    }

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // Compares without building the name: this runs for every image at start-up.
    private static bool IsName(string file, string id, int index, ImageFormat format)
    {
        Span<char> number = stackalloc char[11];
        index.TryFormat(number, out var digits, provider: System.Globalization.CultureInfo.InvariantCulture);
        var name = file.AsSpan();
        return name.Length == id.Length + 1 + digits + 1 + format.Extension.Length
               && name.StartsWith(id, StringComparison.Ordinal)
               && name[id.Length] == '-'
               && name.Slice(id.Length + 1, digits).SequenceEqual(number[..digits])
               && name[id.Length + 1 + digits] == '.'
               && name.EndsWith(format.Extension, StringComparison.Ordinal);
    }
}
