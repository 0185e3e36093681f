namespace JobTracker.Exchanges;

/// <summary>How one tracked request is answered, fixed when it begins.</summary>
/// <param name="EarlyHead">Whether the head may leave before A1111 answers: not for a browser (<c>Origin</c>), which needs A1111's CORS headers.</param>
/// <param name="RespondAsync">Whether the client asked for <c>Prefer: respond-async</c> (a 202 at admission).</param>
/// <param name="KeepAlive">How often a waiting synchronous answer sends a space; zero for never.</param>
/// <param name="Flavour">The WebUI, for the shape of its error body.</param>
internal sealed record ExchangeOptions(bool EarlyHead, bool RespondAsync, TimeSpan KeepAlive, WebUiFlavour Flavour);
