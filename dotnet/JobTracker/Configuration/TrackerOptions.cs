namespace JobTracker.Configuration;

/// <summary>The user's settings, as layered from defaults, <c>config.json</c> and the environment.</summary>
internal sealed record TrackerOptions
{
    /// <summary>The default of <see cref="TrackingEnabled"/>.</summary>
    public const bool DefaultTrackingEnabled = false;

    /// <summary>The default of <see cref="RetentionDays"/>: keep jobs forever.</summary>
    public const int DefaultRetentionDays = 0;

    /// <summary>The smallest valid <see cref="RetentionDays"/>.</summary>
    public const int MinRetentionDays = 0;

    /// <summary>The default of <see cref="KeepAliveSeconds"/>.</summary>
    public const int DefaultKeepAliveSeconds = 15;

    /// <summary>The largest valid <see cref="KeepAliveSeconds"/>.</summary>
    public const int MaxKeepAliveSeconds = 3600;

    private readonly int _retentionDays = DefaultRetentionDays;
    private readonly int _keepAliveSeconds = DefaultKeepAliveSeconds;

    /// <summary>Gets the options with every default.</summary>
    public static TrackerOptions Default { get; } = new();

    /// <summary>Gets a value indicating whether new txt2img/img2img API requests become tracked jobs.</summary>
    /// <value><see langword="true"/> or <see langword="false"/>; default <see langword="false"/>
    /// (<c>config.json</c> key <c>tracking_enabled</c>, environment <c>TRACKER_ENABLED</c>).</value>
    public bool TrackingEnabled { get; init; } = DefaultTrackingEnabled;

    /// <summary>Gets how many days finished jobs and their images are kept.</summary>
    /// <value>Whole days from 0 to <see cref="int.MaxValue"/>; 0 (the default) keeps jobs forever
    /// (<c>config.json</c> key <c>retention_days</c>, environment <c>TRACKER_RETENTION</c>).</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int RetentionDays
    {
        get => _retentionDays;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, MinRetentionDays);
            _retentionDays = value;
        }
    }

    /// <summary>Tells whether <paramref name="days"/> is a valid <see cref="RetentionDays"/>.</summary>
    /// <param name="days">The candidate value.</param>
    /// <returns><see langword="true"/> if it is 0 or more.</returns>
    public static bool IsValidRetentionDays(int days) => days >= MinRetentionDays;

    /// <summary>Gets how often a synchronous tracked request that is still waiting sends one space before its JSON body.</summary>
    /// <value>Seconds from 0 to <see cref="MaxKeepAliveSeconds"/>; 0 turns it off; default 15
    /// (<c>config.json</c> key <c>keepalive_seconds</c>, environment <c>TRACKER_KEEPALIVE_SECONDS</c>).</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or above <see cref="MaxKeepAliveSeconds"/>.</exception>
    public int KeepAliveSeconds
    {
        get => _keepAliveSeconds;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxKeepAliveSeconds);
            _keepAliveSeconds = value;
        }
    }

    /// <summary>Tells whether <paramref name="seconds"/> is a valid <see cref="KeepAliveSeconds"/>.</summary>
    /// <param name="seconds">The candidate value.</param>
    /// <returns><see langword="true"/> if it is from 0 to <see cref="MaxKeepAliveSeconds"/>.</returns>
    public static bool IsValidKeepAliveSeconds(int seconds) => seconds is >= 0 and <= MaxKeepAliveSeconds;
}
