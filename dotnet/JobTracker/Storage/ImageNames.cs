using System.Globalization;
using System.Text;
using JobTracker.Images;

namespace JobTracker.Storage;

/// <summary>
/// The file names the tracker gives a job's files, <c>&lt;id&gt;-&lt;n&gt;.&lt;ext&gt;</c> and <c>&lt;id&gt;-info.json</c>,
/// recognized in a record's UTF-8 bytes so that a job can keep one format byte per image instead of names.
/// </summary>
internal static class ImageNames
{
    private const int SharedLengths = 16;

    private static readonly ImageFormat[] Known = [ImageFormat.Png, ImageFormat.Jpeg, ImageFormat.Webp, ImageFormat.Unknown];

    private static readonly byte[][] Extensions = [.. Known.Select(f => Encoding.ASCII.GetBytes("." + f.Extension))];

    // Most jobs' images are all of one format: their format arrays are shared, not kept per job.
    private static readonly byte[][][] Uniform = [.. Enumerable.Range(0, Known.Length)
        .Select(f => Enumerable.Range(0, SharedLengths + 1).Select(n => Enumerable.Repeat((byte)f, n).ToArray()).ToArray())];

    /// <summary>The format a code stands for.</summary>
    public static ImageFormat Format(int code) => Known[code];

    /// <summary>The media type of the format a code stands for.</summary>
    public static string ContentTypeOf(int code) => Known[code].ContentType;

    /// <summary>The code of a format's media type, or -1 for a type the tracker does not write.</summary>
    public static int CodeOf(string contentType)
    {
        for (var code = 0; code < Known.Length; code++)
        {
            if (Known[code].ContentType == contentType)
            {
                return code;
            }
        }

        return -1;
    }

    /// <summary>The name of image <paramref name="index"/> of job <paramref name="id"/> in the format <paramref name="code"/>.</summary>
    public static string FileName(string id, int index, int code) => OutputFolder.FileName(id, index, Known[code]);

    /// <summary>The format code if <paramref name="name"/> is <c>&lt;id&gt;-&lt;index&gt;.&lt;ext&gt;</c>, else -1.</summary>
    public static int FormatOf(ReadOnlySpan<byte> name, string id, int index)
    {
        Span<byte> number = stackalloc byte[11];
        index.TryFormat(number, out var digits, provider: CultureInfo.InvariantCulture);
        var stem = id.Length + 1 + digits;
        if (name.Length <= stem || name[id.Length] != (byte)'-' || !name.Slice(id.Length + 1, digits).SequenceEqual(number[..digits])
            || !IsId(name[..id.Length], id))
        {
            return -1;
        }

        var extension = name[stem..];
        for (var code = 0; code < Extensions.Length; code++)
        {
            if (extension.SequenceEqual(Extensions[code]))
            {
                return code;
            }
        }

        return -1;
    }

    /// <summary>Whether <paramref name="name"/> is <c>&lt;id&gt;-info.json</c>.</summary>
    public static bool IsInfoFile(ReadOnlySpan<byte> name, string id) =>
        name.Length == id.Length + 10 && name.EndsWith("-info.json"u8) && IsId(name[..id.Length], id);

    /// <summary>The format array for <paramref name="codes"/>: a shared one when all are alike, else a copy.</summary>
    public static byte[] Formats(ReadOnlySpan<byte> codes) =>
        codes.Length <= SharedLengths && (codes.IsEmpty || !codes.ContainsAnyExcept(codes[0]))
            ? Uniform[codes.IsEmpty ? 0 : codes[0]][codes.Length]
            : codes.ToArray();

    /// <summary>The images of <paramref name="codes"/> as named entries, for a record that turns out to need names.</summary>
    public static List<StoredImage> Materialize(string? id, List<byte> codes)
    {
        var images = new List<StoredImage>(codes.Count + 1);
        for (var i = 0; i < codes.Count; i++)
        {
            images.Add(new StoredImage(FileName(id!, i, codes[i]), ContentTypeOf(codes[i])));
        }

        return images;
    }

    // IDs are ASCII (JobId's alphabet), so comparing byte to char is exact.
    private static bool IsId(ReadOnlySpan<byte> bytes, string id)
    {
        for (var i = 0; i < id.Length; i++)
        {
            if (bytes[i] != id[i])
            {
                return false;
            }
        }

        return true;
    }
}
