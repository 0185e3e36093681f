using Microsoft.Extensions.Time.Testing;

namespace JobTracker.Tests.Support;

/// <summary>A fake clock starting at a fixed, readable time.</summary>
internal static class TestClock
{
    /// <summary>2025-01-13 00:00:00 UTC = unix 1736726400.</summary>
    public static readonly DateTimeOffset Start = new(2025, 1, 13, 0, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider Create() => new(Start);

    public static double UnixNow(this TimeProvider time) => time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;
}
