namespace JobTracker.Storage;

/// <summary>The snapshot file is not a JSON array of records; it is moved aside, never overwritten.</summary>
internal sealed class SnapshotCorruptException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="SnapshotCorruptException"/> class.</summary>
    public SnapshotCorruptException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SnapshotCorruptException"/> class.</summary>
    /// <param name="message">What is wrong with the file.</param>
    public SnapshotCorruptException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SnapshotCorruptException"/> class.</summary>
    /// <param name="message">What is wrong with the file.</param>
    /// <param name="innerException">The parser's error.</param>
    public SnapshotCorruptException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
