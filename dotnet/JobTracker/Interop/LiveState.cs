namespace JobTracker.Interop;

/// <summary>
/// A1111's queue and progress as the shim read them for one job, raw: where the job sits in
/// <c>modules.progress.pending_tasks</c>, whether it is <c>current_task</c>, and <c>shared.state</c>'s counters.
/// The shim constructs it and hands it over as it is; the core computes position, progress and ETA from it.
/// </summary>
/// <param name="QueueIndex">The job's 0-based index in A1111's pending tasks, or -1 when it is not waiting.</param>
/// <param name="IsCurrent">Whether A1111's current task is this job.</param>
/// <param name="JobCount">A1111's <c>state.job_count</c>.</param>
/// <param name="JobNo">A1111's <c>state.job_no</c>.</param>
/// <param name="SamplingStep">A1111's <c>state.sampling_step</c>.</param>
/// <param name="SamplingSteps">A1111's <c>state.sampling_steps</c>.</param>
/// <param name="TimeStart">A1111's <c>state.time_start</c> (unix seconds), or <see langword="null"/>.</param>
public sealed record LiveState(int QueueIndex, bool IsCurrent, int JobCount, int JobNo, int SamplingStep, int SamplingSteps, double? TimeStart)
{
    /// <summary>Gets the state that knows nothing (A1111's modules could not be read).</summary>
    public static LiveState Unknown { get; } = new(-1, false, 0, 0, 0, 0, null);
}
