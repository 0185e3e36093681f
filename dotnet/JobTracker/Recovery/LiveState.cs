using System.Globalization;

namespace JobTracker.Recovery;

/// <summary>
/// A1111's queue and progress as the shim read them for one job, raw: where the job sits in
/// <c>modules.progress.pending_tasks</c>, whether it is <c>current_task</c>, and <c>shared.state</c>'s counters.
/// It crosses the bridge as one string: <c>queue_index=0;current=1;job_count=1;job_no=0;sampling_step=3;sampling_steps=20;time_start=1736712000.5</c>.
/// </summary>
/// <param name="QueueIndex">The job's 0-based index in A1111's pending tasks, or -1 when it is not waiting.</param>
/// <param name="IsCurrent">Whether A1111's current task is this job.</param>
/// <param name="JobCount">A1111's <c>state.job_count</c>.</param>
/// <param name="JobNo">A1111's <c>state.job_no</c>.</param>
/// <param name="SamplingStep">A1111's <c>state.sampling_step</c>.</param>
/// <param name="SamplingSteps">A1111's <c>state.sampling_steps</c>.</param>
/// <param name="TimeStart">A1111's <c>state.time_start</c> (unix seconds), or <see langword="null"/>.</param>
internal sealed record LiveState(int QueueIndex, bool IsCurrent, int JobCount, int JobNo, int SamplingStep, int SamplingSteps, double? TimeStart)
{
    /// <summary>Gets the state that knows nothing (A1111's modules could not be read).</summary>
    public static LiveState Unknown { get; } = new(-1, false, 0, 0, 0, 0, null);

    /// <summary>Parses the shim's string; unknown names are ignored and unreadable values count as absent.</summary>
    /// <param name="text">The <c>name=value</c> pairs separated by ';', or <see langword="null"/>.</param>
    /// <returns>The state (<see cref="Unknown"/> for an empty string).</returns>
    public static LiveState Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Unknown;
        }

        var state = Unknown;
        foreach (var pair in text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var value = pair[(equals + 1)..];
            state = pair[..equals] switch
            {
                "queue_index" => state with { QueueIndex = Int(value, -1) },
                "current" => state with { IsCurrent = value == "1" },
                "job_count" => state with { JobCount = Int(value, 0) },
                "job_no" => state with { JobNo = Int(value, 0) },
                "sampling_step" => state with { SamplingStep = Int(value, 0) },
                "sampling_steps" => state with { SamplingSteps = Int(value, 0) },
                "time_start" => state with { TimeStart = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var t) && double.IsFinite(t) ? t : null },
                _ => state,
            };
        }

        return state;
    }

    private static int Int(string text, int fallback) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
