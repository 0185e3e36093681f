namespace JobTracker.Interop;

/// <summary>
/// One decision of a tracked exchange for the shim to carry out. Headers are complete (a whole response carries its
/// <c>content-length</c>) and cross as name, value, name, value, ... (latin-1, one character per byte). Python reads
/// the properties, then calls <see cref="Dispose"/>.
/// </summary>
public sealed class ExchangeStep : IDisposable
{
    private static readonly string[] NoHeaders = [];

    private ExchangeStep(ExchangeAction action, int status, string[] headers, NativeBuffer? body, bool more, double nextTickSeconds)
    {
        Action = action;
        Status = status;
        Headers = headers;
        Body = body;
        More = more;
        NextTickSeconds = nextTickSeconds;
    }

    /// <summary>Gets what to do.</summary>
    public ExchangeAction Action { get; }

    /// <summary>Gets the HTTP status for <see cref="ExchangeAction.SendHead"/> and <see cref="ExchangeAction.SendWhole"/>, else 0.</summary>
    public int Status { get; }

    /// <summary>Gets the response headers as name, value, name, value, ...; empty when no head is sent.</summary>
    public string[] Headers { get; }

    /// <summary>Gets the bytes to send (or to hand to A1111 for <see cref="ExchangeAction.CallApp"/>), or <see langword="null"/>.</summary>
    public NativeBuffer? Body { get; }

    /// <summary>Gets a value indicating whether more body follows <see cref="ExchangeAction.SendBody"/> or <see cref="ExchangeAction.SendKeepAlive"/>.</summary>
    public bool More { get; }

    /// <summary>Gets the seconds after which the shim reports the next keep-alive tick; 0 = no more ticks.</summary>
    public double NextTickSeconds { get; }

    /// <summary>Frees <see cref="Body"/>.</summary>
    public void Dispose() => Body?.Dispose();

    internal static ExchangeStep Nothing { get; } = new(ExchangeAction.Nothing, 0, NoHeaders, null, false, 0);

    internal static ExchangeStep PassThrough { get; } = new(ExchangeAction.PassThrough, 0, NoHeaders, null, false, 0);

    internal static ExchangeStep Wait(TimeSpan untilNextTick) => new(ExchangeAction.Nothing, 0, NoHeaders, null, false, Seconds(untilNextTick));

    internal static ExchangeStep CallApp(NativeBuffer requestBody) => new(ExchangeAction.CallApp, 0, NoHeaders, requestBody, false, 0);

    internal static ExchangeStep Head(int status, string[] headers, TimeSpan nextTick) =>
        new(ExchangeAction.SendHead, status, headers, null, false, Seconds(nextTick));

    internal static ExchangeStep LastBody(NativeBuffer body) => new(ExchangeAction.SendBody, 0, NoHeaders, body, false, 0);

    internal static ExchangeStep KeepAlive(TimeSpan nextTick) =>
        new(ExchangeAction.SendKeepAlive, 0, NoHeaders, NativeBuffer.CopyOf(" "u8), true, Seconds(nextTick));

    /// <summary>A whole response; its <c>content-length</c> is set to the body's length, replacing any other.</summary>
    internal static ExchangeStep Whole(int status, string[] headers, NativeBuffer body) =>
        new(ExchangeAction.SendWhole, status, HeaderPairs.With(headers, "content-length", body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)), body, false, 0);

    private static double Seconds(TimeSpan span) => span <= TimeSpan.Zero ? 0 : span.TotalSeconds;
}
