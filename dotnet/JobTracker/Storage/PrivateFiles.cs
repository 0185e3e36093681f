namespace JobTracker.Storage;

/// <summary>
/// How the tracker creates and opens the files of its data folder: private to the account the WebUI runs as
/// (folders 0700, files 0600 on Unix; a folder that already exists keeps the mode its owner gave it), created
/// without ever following a symbolic link, and read only when they are regular files rather than links.
/// </summary>
internal static class PrivateFiles
{
    /// <summary>The mode of the folders the tracker creates: only its own account may list or enter them.</summary>
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>The mode of the files the tracker creates: only its own account may read or write them.</summary>
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// Creates <paramref name="path"/> with <see cref="FolderMode"/> (missing parents too, though the system may give
    /// those its default mode); an existing folder is left as it is.
    /// </summary>
    /// <param name="path">The folder.</param>
    /// <exception cref="IOException">The folder cannot be created.</exception>
    /// <exception cref="UnauthorizedAccessException">The parent is not writable.</exception>
    public static void CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, FolderMode);
        }
    }

    /// <summary>
    /// Creates <paramref name="path"/> as a new, empty file with <see cref="FileMode"/>, never through a link: the
    /// creation is exclusive (O_EXCL), and an entry already there (a file a crash left, or a planted link) is
    /// unlinked itself, never its target, before the one retry.
    /// </summary>
    /// <param name="path">The file; its folder must exist.</param>
    /// <returns>An unbuffered stream open for writing.</returns>
    /// <exception cref="IOException">The file cannot be created.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder is not writable.</exception>
    public static FileStream CreateNew(string path)
    {
        try
        {
            return Open(path, System.IO.FileMode.CreateNew);
        }
        catch (IOException) when (Path.Exists(path) || IsLink(path))
        {
            File.Delete(path);
            return Open(path, System.IO.FileMode.CreateNew);
        }
    }

    /// <summary>Opens <paramref name="path"/> for appending, creating it with <see cref="FileMode"/> when missing.</summary>
    /// <param name="path">The file.</param>
    /// <returns>An unbuffered stream positioned at the end.</returns>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    /// <exception cref="UnauthorizedAccessException">The file or folder is not writable.</exception>
    public static FileStream OpenAppend(string path)
    {
        var options = new FileStreamOptions
        {
            Mode = System.IO.FileMode.Append,
            Access = FileAccess.Write,
            Share = FileShare.Read,
            BufferSize = 0,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        return new FileStream(path, options);
    }

    /// <summary>
    /// Tells whether <paramref name="path"/> is a regular file of its own, not a symbolic link (even one pointing at a
    /// regular file), a folder or another reparse point; the test reads the entry itself and never follows it.
    /// </summary>
    /// <param name="path">The path.</param>
    /// <returns><see langword="true"/> only for an existing regular file.</returns>
    public static bool IsRegularFile(string path)
    {
        var entry = new FileInfo(path);
        return entry.Exists && entry.LinkTarget is null
            && (entry.Attributes & (FileAttributes.ReparsePoint | FileAttributes.Directory | FileAttributes.Device)) == 0;
    }

    private static bool IsLink(string path) => new FileInfo(path).LinkTarget is not null;

    private static FileStream Open(string path, System.IO.FileMode mode)
    {
        // Unbuffered: the callers write whole files or whole lines in one call each.
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 0 };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        return new FileStream(path, options);
    }
}
