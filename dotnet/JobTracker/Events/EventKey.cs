using System.Globalization;

namespace JobTracker.Events;

/// <summary>
/// Where an event stands in a job's life, and the event's <c>id</c>: a later event of the same job always has a
/// greater key, whichever stream sent it, so a client's <c>Last-Event-ID</c> tells any new stream what it has seen.
/// Text forms: <c>q3</c> (queued at position 3; a lower position is later), <c>q</c> (queued, position unknown),
/// <c>p1250</c> (running, progress 0.125 in ten-thousandths), <c>f</c> (finished).
/// </summary>
/// <param name="Stage">The stage.</param>
/// <param name="Rank">The order within the stage: minus the queue position, or the progress in ten-thousandths.</param>
internal readonly record struct EventKey(EventStage Stage, int Rank) : IComparable<EventKey>
{
    private const int UnknownPosition = int.MinValue;
    private const int ProgressScale = 10_000;

    /// <summary>Gets the key of the final event.</summary>
    public static EventKey Final { get; } = new(EventStage.Final, 0);

    /// <summary>The key of a queued event.</summary>
    /// <param name="position">The 1-based queue position, or <see langword="null"/> when unknown.</param>
    /// <returns>The key.</returns>
    public static EventKey Queued(int? position) => new(EventStage.Queued, position is { } p ? -p : UnknownPosition);

    /// <summary>The key of a progress event.</summary>
    /// <param name="progress">The progress, 0 to 1.</param>
    /// <returns>The key.</returns>
    public static EventKey Running(double progress) =>
        new(EventStage.Running, (int)Math.Round(Math.Clamp(progress, 0, 1) * ProgressScale, MidpointRounding.AwayFromZero));

    /// <summary>Reads an event ID this type wrote.</summary>
    /// <param name="text">The <c>Last-Event-ID</c> header, or <see langword="null"/>.</param>
    /// <param name="key">The key, when read.</param>
    /// <returns><see langword="true"/> if <paramref name="text"/> is an ID of this format.</returns>
    public static bool TryParse(string? text, out EventKey key)
    {
        key = default;
        if (string.IsNullOrEmpty(text) || text.Length > 12)
        {
            return false;
        }

        var digits = text.AsSpan(1);
        switch (text[0])
        {
            case 'f' when digits.IsEmpty:
                key = Final;
                return true;
            case 'q' when digits.IsEmpty:
                key = Queued(null);
                return true;
            case 'q' when Number(digits) is >= 1 and var position:
                key = Queued(position);
                return true;
            case 'p' when Number(digits) is >= 0 and <= ProgressScale and var rank:
                key = new EventKey(EventStage.Running, rank);
                return true;
            default:
                return false;
        }
    }

    /// <inheritdoc/>
    public int CompareTo(EventKey other) => Stage != other.Stage ? Stage.CompareTo(other.Stage) : Rank.CompareTo(other.Rank);

    /// <summary>Tells whether this key comes after <paramref name="other"/>.</summary>
    /// <param name="other">The key of the event sent last, or <see langword="null"/> when none was.</param>
    /// <returns><see langword="true"/> if an event with this key is news after <paramref name="other"/>.</returns>
    public bool IsAfter(EventKey? other) => other is not { } seen || CompareTo(seen) > 0;

    /// <summary>The event ID.</summary>
    /// <returns>The text form.</returns>
    public override string ToString() => Stage switch
    {
        EventStage.Queued when Rank == UnknownPosition => "q",
        EventStage.Queued => string.Create(CultureInfo.InvariantCulture, $"q{-Rank}"),
        EventStage.Running => string.Create(CultureInfo.InvariantCulture, $"p{Rank}"),
        _ => "f",
    };

    // Canonical digits only (no sign, no leading zero), so one key has one text.
    private static int Number(ReadOnlySpan<char> digits) =>
        digits.Length is > 0 and <= 9 && (digits[0] != '0' || digits.Length == 1) && !digits.ContainsAnyExceptInRange('0', '9')
            ? int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture)
            : -1;
}
