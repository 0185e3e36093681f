using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using JobTracker.Images;
using JobTracker.Storage;

namespace JobTracker.Http;

/// <summary>
/// Serves one stored image of a job as its own bytes, with its content type, a strong <c>ETag</c> (a hash of the
/// bytes) and caching headers; <c>If-None-Match</c> gives <c>304</c>. Only the tracker's own files in its output
/// folder are ever served.
/// </summary>
internal static class ImageReply
{
    /// <summary>How long a client may reuse an image without asking again: images of a job never change.</summary>
    public const string CacheControl = "private, max-age=86400";

    /// <summary>Writes the reply for image <paramref name="index"/> of <paramref name="job"/>.</summary>
    /// <param name="job">The job, already authorized.</param>
    /// <param name="index">The index from the path, untrusted.</param>
    /// <param name="ifNoneMatch">The <c>If-None-Match</c> header, or <see langword="null"/>.</param>
    /// <param name="output">The tracker's image folder.</param>
    /// <param name="body">Receives the image, or a JSON error.</param>
    /// <returns>The reply head.</returns>
    public static ReplyHead Write(JobRecord job, string? index, string? ifNoneMatch, OutputFolder output, IBufferWriter<byte> body)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(body);
        if (!ImageIndex.TryParse(index, out var n))
        {
            return JsonReplies.BadRequest("the image index must be a whole number from 0, in decimal digits without sign, leading zeros or spaces", body);
        }

        if (job.LegacyOutputPaths is not null)
        {
            return JsonReplies.Error(404, "NotFound", $"job {job.Id} was imported from the original extension; its images come only as base64 from GET /sdapi/v1/job/{job.Id}", body);
        }

        if (n >= job.Images.Count)
        {
            return JsonReplies.Error(404, "NotFound", $"job {job.Id} has {job.Images.Count} image(s); there is no image {n}", body);
        }

        var image = job.Images[n];
        byte[] bytes;
        try
        {
            if (!output.TryResolve(image.File, out var path))
            {
                return JsonReplies.Error(404, "NotFound", $"image {n} of job {job.Id} is not available", body);
            }

            if (!output.MayRead(path))
            {
                throw new FileNotFoundException();
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return JsonReplies.Error(404, "NotFound", $"image {n} of job {job.Id} is no longer stored", body);
        }

        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 16)) + "\"";
        var headers = ReplyHeaders.Of(("Content-Type", image.ContentType), ("ETag", etag), ("Cache-Control", CacheControl));
        if (Matches(ifNoneMatch, etag))
        {
            return new ReplyHead(304, ReplyHeaders.Of(("ETag", etag), ("Cache-Control", CacheControl)));
        }

        body.Write(bytes);
        return new ReplyHead(200, headers);
    }

    private static bool Matches(string? ifNoneMatch, string etag)
    {
        if (string.IsNullOrWhiteSpace(ifNoneMatch))
        {
            return false;
        }

        foreach (var candidate in ifNoneMatch.Split(',', StringSplitOptions.TrimEntries))
        {
            // A weak comparison, as RFC 9110 asks for If-None-Match.
            if (candidate == "*" || (candidate.StartsWith("W/", StringComparison.Ordinal) ? candidate[2..] : candidate) == etag)
            {
                return true;
            }
        }

        return false;
    }
}
