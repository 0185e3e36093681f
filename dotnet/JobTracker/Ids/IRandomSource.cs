namespace JobTracker.Ids;

/// <summary>A source of random bytes, injected so tests can script the sequence.</summary>
internal interface IRandomSource
{
    /// <summary>Fills <paramref name="buffer"/> with random bytes.</summary>
    /// <param name="buffer">The bytes to overwrite.</param>
    void Fill(Span<byte> buffer);
}
