namespace JobTracker.Diagnostics;

/// <summary>
/// What went wrong with a file, in words a client may read: never a path, never the runtime's message (which names
/// the file). The log keeps the full message with the path; answers carry only this.
/// </summary>
internal static class FileProblem
{
    // errno values (Linux, macOS) and Win32 error codes, as .NET puts them in IOException.HResult.
    private const int NoSpace = 28;
    private const int ReadOnly = 30;
    private const int Exists = 17;
    private const int QuotaLinux = 122;
    private const int QuotaMac = 69;
    private const int InputOutput = 5;
    private const int TooManyOpenFiles = 24;
    private const int WindowsDiskFull = unchecked((int)0x80070070);
    private const int WindowsHandleDiskFull = unchecked((int)0x80070027);
    private const int WindowsWriteProtect = unchecked((int)0x80070013);
    private const int WindowsFileExists = unchecked((int)0x80070050);
    private const int WindowsAlreadyExists = unchecked((int)0x800700B7);

    /// <summary>Describes <paramref name="exception"/> without naming any file.</summary>
    /// <param name="exception">The failure of a file operation.</param>
    /// <returns>A short phrase, e.g. "the disk is full".</returns>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            UnauthorizedAccessException => "permission denied",
            DirectoryNotFoundException => "a folder is missing",
            FileNotFoundException => "a file is missing",
            PathTooLongException => "a path is too long",
            IOException io => io.HResult switch
            {
                NoSpace or WindowsDiskFull or WindowsHandleDiskFull => "the disk is full",
                QuotaLinux or QuotaMac => "the disk quota is exhausted",
                ReadOnly or WindowsWriteProtect => "the file system is read-only",
                Exists or WindowsFileExists or WindowsAlreadyExists => "something else is in the way (a file where a folder should be, or the reverse)",
                InputOutput => "the disk reported an input/output error",
                TooManyOpenFiles => "too many files are open",
                _ => "a file could not be written",
            },
            _ => "a file could not be written",
        };
    }
}
