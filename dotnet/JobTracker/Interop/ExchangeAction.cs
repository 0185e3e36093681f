namespace JobTracker.Interop;

/// <summary>What the shim does next for a tracked request, as the core decided it (see <see cref="ExchangeStep"/>).</summary>
public enum ExchangeAction
{
    /// <summary>Send nothing.</summary>
    Nothing,

    /// <summary>Let the request go to A1111 untouched (untracked), or let A1111's exception go on untouched.</summary>
    PassThrough,

    /// <summary>Hand <see cref="ExchangeStep.Body"/> to A1111 as the request body: the request is tracked.</summary>
    CallApp,

    /// <summary>Send the response head (<see cref="ExchangeStep.Status"/>, <see cref="ExchangeStep.Headers"/>); the body follows.</summary>
    SendHead,

    /// <summary>Send <see cref="ExchangeStep.Body"/> after a head already sent; <see cref="ExchangeStep.More"/> says whether more follows.</summary>
    SendBody,

    /// <summary>Send a whole response: head and body (a 202, a replay, A1111's own answer).</summary>
    SendWhole,

    /// <summary>Send <see cref="ExchangeStep.Body"/> (one space: JSON allows leading whitespace) to keep an idle connection open.</summary>
    SendKeepAlive,
}
