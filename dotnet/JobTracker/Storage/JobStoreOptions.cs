namespace JobTracker.Storage;

/// <summary>Tuning of <see cref="JobStore"/>.</summary>
internal sealed record JobStoreOptions
{
    /// <summary>The default of <see cref="MinimumCompactionLines"/>.</summary>
    public const int DefaultMinimumCompactionLines = 1000;

    private readonly int _minimumCompactionLines = DefaultMinimumCompactionLines;

    /// <summary>Gets the default options.</summary>
    public static JobStoreOptions Default { get; } = new();

    /// <summary>
    /// Gets the journal length below which it is never compacted; above it, the journal is folded into a
    /// new snapshot once it holds more lines than max(this, jobs / 2).
    /// </summary>
    /// <value>Lines, from 1 to <see cref="int.MaxValue"/>; default <see cref="DefaultMinimumCompactionLines"/> (1000).</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int MinimumCompactionLines
    {
        get => _minimumCompactionLines;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _minimumCompactionLines = value;
        }
    }

    /// <summary>Gets how the journal file is opened for appending; <see cref="PrivateFiles.OpenAppend"/> by default (tests put a stalling disk here).</summary>
    internal Func<string, Stream> OpenJournal { get; init; } = PrivateFiles.OpenAppend;
}
