using JobTracker.Recovery;

namespace JobTracker.Exchanges;

/// <summary>
/// The JSON the WebUI's exception handler gives an unhandled error, for a request whose early head is already out
/// (the server's own error page can no longer be sent). A1111 (modules/api/api.py, <c>handle_exception</c> in
/// <c>api_middleware</c>, v1.10.1) answers <c>{"error","detail","body","errors"}</c>; Forge (webui.py:30-38,
/// main @ dfdcbab6) says <c>"message"</c> where A1111 says <c>"errors"</c>. Written as Starlette's JSONResponse does.
/// </summary>
internal static class RaisedErrorBody
{
    public static byte[] Of(WebUiFlavour flavour, string? errorType, string? message)
    {
        var last = flavour == WebUiFlavour.Forge ? "message"u8 : "errors"u8;
        return
        [
            .. "{\"error\":\""u8, .. PythonJsonString.Escape(errorType ?? string.Empty),
            .. "\",\"detail\":\"\",\"body\":\"\",\""u8, .. last, .. "\":\""u8,
            .. PythonJsonString.Escape(message ?? string.Empty), .. "\"}"u8,
        ];
    }
}
