using System.Globalization;

namespace JobTracker.Webhooks;

/// <summary>
/// When a failed delivery is tried again: the first attempt goes out when the job ends, and the n-th delay of the
/// schedule follows the n-th failure; after the last delay's attempt fails, the delivery gives up.
/// </summary>
internal sealed class WebhookRetrySchedule
{
    /// <summary>The most delays a schedule may have.</summary>
    public const int MaxDelays = 20;

    /// <summary>The longest single delay: a week.</summary>
    public const int MaxDelaySeconds = 7 * 24 * 3600;

    private readonly TimeSpan[] _delays;

    /// <summary>Initializes a new instance of the <see cref="WebhookRetrySchedule"/> class.</summary>
    /// <param name="delays">The delays after the first, second, ... failed attempt.</param>
    public WebhookRetrySchedule(IEnumerable<TimeSpan> delays)
    {
        ArgumentNullException.ThrowIfNull(delays);
        _delays = [.. delays];
    }

    /// <summary>Gets the default: 5 s, 30 s, 2 min, 10 min, 1 h, 6 h (seven attempts over about seven hours).</summary>
    public static WebhookRetrySchedule Default { get; } = new(new[] { 5, 30, 120, 600, 3600, 21600 }.Select(s => TimeSpan.FromSeconds(s)));

    /// <summary>Gets the delays after each failed attempt.</summary>
    public IReadOnlyList<TimeSpan> Delays => _delays;

    /// <summary>Gets how many attempts a delivery gets in all.</summary>
    public int MaxAttempts => _delays.Length + 1;

    /// <summary>How long to wait after a failed attempt.</summary>
    /// <param name="attemptsMade">How many attempts have been made, the failed one included (1 or more).</param>
    /// <returns>The delay, or <see langword="null"/> when the delivery gives up.</returns>
    public TimeSpan? DelayAfter(int attemptsMade) =>
        attemptsMade >= 1 && attemptsMade <= _delays.Length ? _delays[attemptsMade - 1] : null;

    /// <summary>Parses a comma-separated list of whole seconds, e.g. "5,30,120".</summary>
    /// <param name="text">The list.</param>
    /// <param name="schedule">The schedule, when valid.</param>
    /// <returns><see langword="true"/> if every entry is a whole number of seconds from 1 to a week, and there are at most <see cref="MaxDelays"/>.</returns>
    public static bool TryParse(string text, out WebhookRetrySchedule? schedule)
    {
        ArgumentNullException.ThrowIfNull(text);
        schedule = null;
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length > MaxDelays)
        {
            return false;
        }

        var delays = new List<TimeSpan>(parts.Length);
        foreach (var part in parts)
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds is < 1 or > MaxDelaySeconds)
            {
                return false;
            }

            delays.Add(TimeSpan.FromSeconds(seconds));
        }

        schedule = new WebhookRetrySchedule(delays);
        return true;
    }

    /// <inheritdoc/>
    public override string ToString() =>
        string.Join(", ", _delays.Select(d => d.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s"));
}
