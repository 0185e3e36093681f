using System.Buffers;
using System.Globalization;
using System.Text;
using JobTracker.Images;
using JobTracker.Tracking;

namespace JobTracker.Recovery;

/// <summary>
/// The first answer a job gave its client, kept so that a retry with the same <c>X-Job-ID</c> gets the same bytes
/// without generating again. It lives in <c>output/&lt;id&gt;-reply.bin</c>: one header line
/// (<c>jobtracker-reply 2 &lt;status&gt; &lt;images&gt; &lt;info&gt;</c>), then the body with what other files
/// already hold left out, so the answer costs its own bytes once: the <c>images</c> array's content (put back from
/// the job's image files at offset <c>images</c>) and the <c>info</c> string's text (put back from
/// <c>&lt;id&gt;-info.json</c> at offset <c>info</c>). An offset of -1 means that part is stored as it came, because
/// it could not be rebuilt byte for byte (images that are not plain canonical base64, an info string Python would
/// escape otherwise). Files of version 1 (<c>jobtracker-reply 1 &lt;status&gt; &lt;images&gt;</c>) are still read.
/// </summary>
internal static class FirstAnswer
{
    private const string Magic = "jobtracker-reply";
    private const int MaxHeaderBytes = 80;

    /// <summary>Writes the reply file of a finished job through a temporary file and a rename.</summary>
    /// <param name="folder">The output folder.</param>
    /// <param name="jobId">The job ID.</param>
    /// <param name="status">A1111's HTTP status.</param>
    /// <param name="body">A1111's response body.</param>
    /// <param name="content">What was read from it.</param>
    /// <param name="infoStored">Whether the job's info file holds <see cref="ResponseContent.Info"/>.</param>
    /// <exception cref="IOException">The file could not be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder is not writable.</exception>
    public static void Save(OutputFolder folder, string jobId, int status, ReadOnlySpan<byte> body, ResponseContent content, bool infoStored)
    {
        using var file = AtomicFile.Create(Path.Combine(folder.Path, OutputFolder.ReplyFileName(jobId)));
        if (!content.IsObject)
        {
            file.Write(Header(status, -1, -1));
            file.Write(body);
            file.Commit();
            return;
        }

        var split = content.OpenIndex + 1;
        var insertion = ResponseBody.JobIdMember(jobId, content.HasMembers);
        var images = content.ImagesRebuildable ? (content.ImagesArrayStart + 1, content.ImagesArrayEnd) : (-1, -1);
        var info = infoStored && InfoRebuildable(body, content) ? (content.InfoValueStart, content.InfoValueEnd) : (-1, -1);

        // The kept bytes in order; each cut is remembered as the offset in the stored body where its bytes go back.
        var infoFirst = info.Item1 >= 0 && (images.Item1 < 0 || info.Item1 < images.Item1);
        var (first, second) = infoFirst ? (info, images) : (images, info);
        var shift = insertion.Length;
        var firstAt = first.Item1 < 0 ? -1 : first.Item1 + shift;
        if (first.Item1 >= 0)
        {
            shift -= first.Item2 - first.Item1;
        }

        var secondAt = second.Item1 < 0 ? -1 : second.Item1 + shift;
        var (imagesAt, infoAt) = infoFirst ? (secondAt, firstAt) : (firstAt, secondAt);
        file.Write(Header(status, imagesAt, infoAt));
        file.Write(body[..split]);
        file.Write(insertion);
        var at = split;
        foreach (var (cutStart, cutEnd) in new[] { first, second })
        {
            if (cutStart >= 0)
            {
                file.Write(body[at..cutStart]);
                at = cutEnd;
            }
        }

        file.Write(body[at..]);
        file.Commit();
    }
    /// <summary>Reads a job's reply file.</summary>
    /// <param name="folder">The output folder.</param>
    /// <param name="jobId">The job ID (well-formed).</param>
    /// <param name="status">A1111's status of the first answer.</param>
    /// <param name="offset">Where the images go back into <paramref name="skeleton"/>, or -1.</param>
    /// <param name="skeleton">The stored body.</param>
    /// <returns><see langword="false"/> if there is no readable reply file.</returns>
    public static bool TryLoad(OutputFolder folder, string jobId, out int status, out int offset, out byte[] skeleton)
    {
        status = 0;
        offset = -1;
        skeleton = [];
        if (!folder.TryResolveStored(OutputFolder.ReplyFileName(jobId), out var path))
        {
            return false;
        }

        var bytes = File.ReadAllBytes(path);
        var newline = bytes.AsSpan(0, Math.Min(bytes.Length, MaxHeaderBytes)).IndexOf((byte)'\n');
        if (newline < 0)
        {
            return false;
        }

        var parts = Encoding.ASCII.GetString(bytes, 0, newline).Split(' ');
        skeleton = bytes[(newline + 1)..];
        var infoAt = -1;
        var valid = parts.Length is 4 or 5 && parts[0] == Magic && parts[1] == (parts.Length == 4 ? "1" : "2")
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out status)
            && TryOffset(parts[3], skeleton.Length, out offset)
            && (parts.Length == 4 || TryOffset(parts[4], skeleton.Length, out infoAt));
        if (!valid || infoAt < 0)
        {
            return valid;
        }

        // The info string's text goes back where it was cut, escaped as A1111 sent it.
        if (!folder.TryResolveStored(OutputFolder.InfoFileName(jobId), out var infoPath))
        {
            return false;
        }

        var info = PythonJsonString.Escape(Encoding.UTF8.GetString(File.ReadAllBytes(infoPath)));
        skeleton = [.. skeleton.AsSpan(0, infoAt), .. info, .. skeleton.AsSpan(infoAt)];
        if (offset > infoAt)
        {
            offset += info.Length;
        }

        return true;
    }

    /// <summary>Writes the stored answer with the images put back, base64 from their files.</summary>
    /// <param name="skeleton">The stored body.</param>
    /// <param name="offset">Where the images go, or -1.</param>
    /// <param name="imagePaths">The image files in A1111's order.</param>
    /// <param name="output">Receives the body.</param>
    public static void Rebuild(ReadOnlySpan<byte> skeleton, int offset, IReadOnlyList<string> imagePaths, IBufferWriter<byte> output)
    {
        if (offset < 0)
        {
            output.Write(skeleton);
            return;
        }

        output.Write(skeleton[..offset]);
        for (var i = 0; i < imagePaths.Count; i++)
        {
            var bytes = File.ReadAllBytes(imagePaths[i]);
            var span = output.GetSpan(Base64Length(bytes.Length) + 3);
            var at = 0;
            if (i > 0)
            {
                span[at++] = (byte)',';
            }

            span[at++] = (byte)'"';
            System.Buffers.Text.Base64.EncodeToUtf8(bytes, span[at..], out _, out var written);
            at += written;
            span[at++] = (byte)'"';
            output.Advance(at);
        }

        output.Write(skeleton[offset..]);
    }

    private static int Base64Length(int length) => System.Buffers.Text.Base64.GetMaxEncodedToUtf8Length(length);

    // Python escapes exactly as PythonJsonString does only for what it can be compared with: keep the cut only
    // when escaping the decoded text gives back the very bytes A1111 sent.
    private static bool InfoRebuildable(ReadOnlySpan<byte> body, ResponseContent content) =>
        content is { InfoMembers: 1, InfoValueStart: >= 0, Info: { } info }
        && body[content.InfoValueStart..content.InfoValueEnd].SequenceEqual(PythonJsonString.Escape(info));

    private static bool TryOffset(string text, int length, out int offset) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out offset) && offset >= -1 && offset <= length;

    private static byte[] Header(int status, int images, int info) =>
        Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Magic} 2 {status} {images} {info}\n"));
}
