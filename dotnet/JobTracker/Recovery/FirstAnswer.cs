using System.Buffers;
using System.Globalization;
using System.Text;
using JobTracker.Images;
using JobTracker.Tracking;

namespace JobTracker.Recovery;

/// <summary>
/// The first answer a job gave its client, kept so that a retry with the same <c>X-Job-ID</c> gets the same bytes
/// without generating again. It lives in <c>output/&lt;id&gt;-reply.bin</c>: one header line
/// (<c>jobtracker-reply 1 &lt;status&gt; &lt;offset&gt;</c>), then the body with its <c>images</c> array emptied;
/// the images are put back from the job's image files at <c>offset</c> (-1: the body is stored whole, because its
/// images were not plain canonical base64 and could not be rebuilt byte for byte).
/// </summary>
internal static class FirstAnswer
{
    private const string Magic = "jobtracker-reply 1";
    private const int MaxHeaderBytes = 64;

    /// <summary>Writes the reply file of a finished job through a temporary file and a rename.</summary>
    /// <param name="folder">The output folder.</param>
    /// <param name="jobId">The job ID.</param>
    /// <param name="status">A1111's HTTP status.</param>
    /// <param name="body">A1111's response body.</param>
    /// <param name="content">What was read from it.</param>
    /// <exception cref="IOException">The file could not be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder is not writable.</exception>
    public static void Save(OutputFolder folder, string jobId, int status, ReadOnlySpan<byte> body, ResponseContent content)
    {
        using var file = AtomicFile.Create(Path.Combine(folder.Path, OutputFolder.ReplyFileName(jobId)));
        if (!content.IsObject)
        {
            file.Write(Header(status, -1));
            file.Write(body);
        }
        else
        {
            var split = content.OpenIndex + 1;
            var insertion = ResponseBody.JobIdMember(jobId, content.HasMembers);
            var cut = content.ImagesRebuildable;
            var cutStart = cut ? content.ImagesArrayStart + 1 : body.Length;
            file.Write(Header(status, cut ? cutStart + insertion.Length : -1));
            file.Write(body[..split]);
            file.Write(insertion);
            file.Write(body[split..cutStart]);
            if (cut)
            {
                file.Write(body[content.ImagesArrayEnd..]);
            }
        }

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
        return parts.Length == 4 && $"{parts[0]} {parts[1]}" == Magic
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out status)
            && int.TryParse(parts[3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out offset)
            && offset >= -1 && offset <= skeleton.Length;
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

    private static byte[] Header(int status, int offset) =>
        Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Magic} {status} {offset}\n"));
}
