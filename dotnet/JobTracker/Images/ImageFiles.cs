using JobTracker.Storage;

namespace JobTracker.Images;

/// <summary>Writes a job's files into the output folder, each through a temporary file and a rename (<see cref="AtomicFile"/>).</summary>
internal static class ImageFiles
{
    /// <summary>Writes every image and the info JSON; on failure removes what was written and rethrows.</summary>
    /// <param name="folder">The output folder (created if missing).</param>
    /// <param name="jobId">The job ID, the files' name prefix.</param>
    /// <param name="images">The decoded images in A1111's order.</param>
    /// <param name="info">A1111's info JSON text, written as is to <c>&lt;id&gt;-info.json</c>; nothing is written when null.</param>
    /// <returns>What was stored.</returns>
    /// <exception cref="IOException">A file could not be written (e.g. the disk is full).</exception>
    /// <exception cref="UnauthorizedAccessException">The folder is not writable.</exception>
    public static CapturedFiles WriteAll(OutputFolder folder, string jobId, IReadOnlyList<byte[]> images, string? info)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(images);
        var stored = new List<StoredImage>(images.Count);
        var written = new List<string>(images.Count + 1);
        try
        {
            for (var i = 0; i < images.Count; i++)
            {
                var format = ImageFormat.Detect(images[i]);
                var name = OutputFolder.FileName(jobId, i, format);
                var path = Path.Combine(folder.Path, name);
                AtomicFile.WriteAll(path, images[i]);
                written.Add(path);
                stored.Add(new StoredImage(name, format.ContentType));
            }

            string? infoFile = null;
            if (info is not null)
            {
                infoFile = OutputFolder.InfoFileName(jobId);
                var path = Path.Combine(folder.Path, infoFile);
                AtomicFile.WriteAll(path, System.Text.Encoding.UTF8.GetBytes(info));
                written.Add(path);
            }

            return new CapturedFiles(stored, infoFile);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Delete(written);
            throw;
        }
    }

    /// <summary>Deletes the given files, ignoring any that cannot be deleted.</summary>
    /// <param name="paths">Absolute paths.</param>
    public static void Delete(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        foreach (var path in paths)
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Best effort: a leftover file is harmless, an exception here would hide the real error.
            }
        }
    }
}
