namespace JobTracker.Ids;

/// <summary>
/// Draws job IDs uniformly from <see cref="JobId.Alphabet"/> and retries until one is free.
/// </summary>
/// <param name="random">The source of randomness; cryptographic in production.</param>
internal sealed class JobIdGenerator(IRandomSource random)
{
    /// <summary>How many draws are tried before giving up; with 62^8 IDs this is never reached in practice.</summary>
    public const int MaxAttempts = 100;

    // 248 = 4 * 62: bytes at or above it are rejected so every character is equally likely.
    private const int AcceptBelow = 248;

    private readonly IRandomSource _random = random ?? throw new ArgumentNullException(nameof(random));

    /// <summary>Draws one ID, without checking whether it is taken.</summary>
    /// <returns>An 8-character ID.</returns>
    public string Draw()
    {
        Span<char> id = stackalloc char[JobId.Length];
        Span<byte> bytes = stackalloc byte[JobId.Length];
        var filled = 0;
        while (filled < id.Length)
        {
            // Ask only for what is still missing, so a scripted source maps byte for byte.
            var chunk = bytes[..(id.Length - filled)];
            _random.Fill(chunk);
            foreach (var b in chunk)
            {
                if (b < AcceptBelow)
                {
                    id[filled++] = JobId.Alphabet[b % JobId.Alphabet.Length];
                }
            }
        }

        return new string(id);
    }

    /// <summary>Draws IDs until <paramref name="tryClaim"/> accepts one.</summary>
    /// <param name="tryClaim">Claims the ID atomically and returns <see langword="true"/>, or returns <see langword="false"/> if it is taken.</param>
    /// <returns>The claimed ID.</returns>
    /// <exception cref="InvalidOperationException">No free ID was found in <see cref="MaxAttempts"/> draws.</exception>
    public string Next(Func<string, bool> tryClaim)
    {
        ArgumentNullException.ThrowIfNull(tryClaim);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var id = Draw();
            if (tryClaim(id))
            {
                return id;
            }
        }

        throw new InvalidOperationException($"no free job ID after {MaxAttempts} attempts; is the random source broken?");
    }
}
