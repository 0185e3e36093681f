using System.Security.Cryptography;

namespace JobTracker.Ids;

/// <summary>The production random source: the operating system's cryptographic generator.</summary>
internal sealed class CryptoRandomSource : IRandomSource
{
    /// <summary>Gets the shared instance (the generator is thread-safe).</summary>
    public static CryptoRandomSource Instance { get; } = new();

    /// <inheritdoc />
    public void Fill(Span<byte> buffer) => RandomNumberGenerator.Fill(buffer);
}
