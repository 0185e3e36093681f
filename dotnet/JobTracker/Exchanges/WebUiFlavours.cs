namespace JobTracker.Exchanges;

/// <summary>Reads the flavour name the shim passes at start.</summary>
internal static class WebUiFlavours
{
    /// <summary>"a1111", "forge" or "sdnext" (case-insensitive); anything else is A1111.</summary>
    public static WebUiFlavour Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "forge" => WebUiFlavour.Forge,
        "sdnext" => WebUiFlavour.SdNext,
        _ => WebUiFlavour.A1111,
    };
}
