using JobTracker.Diagnostics;

namespace JobTracker.Interop;

/// <summary>
/// The language boundary: every call from Python runs through <see cref="Run{T}"/>, which catches whatever the core
/// throws, logs it with the method and its context, and returns the call's typed fallback (an error reply, a
/// pass-through, an untouched body). Tracking never breaks generation, and no .NET exception reaches Python.
/// </summary>
/// <param name="log">Where failures are written (with the <c>[Job Tracker]</c> prefix).</param>
internal sealed class Boundary(ITrackerLog log)
{
    public T Run<T>(string method, string context, Func<T> call, Func<T> fallback)
    {
        try
        {
            return call();
        }
#pragma warning disable CA1031 // Language boundary: any failure becomes the call's safe result, logged.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log(method, context, ex);
            return fallback();
        }
    }

    public void Run(string method, string context, Action call) =>
        Run<object?>(method, context, () =>
        {
            call();
            return null;
        }, () => null);

    private void Log(string method, string context, Exception ex)
    {
        try
        {
            log.Write($"{method} failed{(context.Length == 0 ? string.Empty : " for " + context)}: {ex}");
        }
#pragma warning disable CA1031 // Logging must not turn a handled failure into an unhandled one.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
