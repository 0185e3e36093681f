namespace JobTracker.Storage;

/// <summary>What replaying one journal file found.</summary>
/// <param name="Lines">The number of non-empty lines, readable or not.</param>
/// <param name="EndsTorn">Whether the file's last line has no newline (a crash mid-append).</param>
internal readonly record struct JournalReplay(int Lines, bool EndsTorn)
{
    public static JournalReplay Missing { get; } = new(0, false);
}
