using System.Globalization;

namespace JobTracker.Tracking;

/// <summary>
/// Turns A1111's error response into the job's error text. A1111 answers
/// <c>{"error","detail","body","errors"}</c>, Forge <c>{"error","detail","body","message"}</c> and FastAPI's
/// validation <c>{"detail":[...]}</c>; the most specific non-empty field wins: <c>errors</c> or <c>message</c>,
/// then <c>detail</c>, then <c>error</c>.
/// </summary>
internal static class FailureMessage
{
    /// <summary>The longest error text kept with a job.</summary>
    public const int MaxLength = 2000;

    public static string From(int status, ResponseContent content)
    {
        var message = FirstNonBlank(content.Errors, content.Message, content.Detail, content.Error)
            ?? "HTTP " + status.ToString(CultureInfo.InvariantCulture);
        if (message == Cancellation.JobCancellation.Error)
        {
            // That exact text marks a job cancelled through the tracker; A1111's own failure is told apart.
            message = "A1111: " + message;
        }

        return message.Length <= MaxLength ? message : string.Concat(message.AsSpan(0, MaxLength), "...");
    }

    private static string? FirstNonBlank(params ReadOnlySpan<string?> candidates)
    {
        foreach (var candidate in candidates)
        {
            if (!string.IsNullOrWhiteSpace(candidate))
            {
                return candidate.Trim();
            }
        }

        return null;
    }
}
