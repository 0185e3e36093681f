namespace JobTracker.Tracking;

/// <summary>The API routes whose requests become jobs.</summary>
internal static class TrackedRoutes
{
    /// <summary>The route name of <c>POST /sdapi/v1/txt2img</c>.</summary>
    public const string Txt2Img = "txt2img";

    /// <summary>The route name of <c>POST /sdapi/v1/img2img</c>.</summary>
    public const string Img2Img = "img2img";

    /// <summary>Normalizes a route name.</summary>
    /// <param name="route">A route name from the shim.</param>
    /// <returns>The canonical name, or <see langword="null"/> if the route is not tracked.</returns>
    public static string? Canonical(string? route) => route switch
    {
        Txt2Img => Txt2Img,
        Img2Img => Img2Img,
        _ => null,
    };
}
