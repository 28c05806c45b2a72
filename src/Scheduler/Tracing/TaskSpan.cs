using Oompa.Scheduler.Tasks;

namespace Oompa.Scheduler.Tracing;

/// <summary>One task on the timeline.</summary>
/// <param name="Id">Task id.</param>
/// <param name="Name">Task name.</param>
/// <param name="Worker">Index of the worker that ran it.</param>
/// <param name="Implementation">The implementation that ran.</param>
/// <param name="StartSeconds">Start, seconds since the runtime or simulation started.</param>
/// <param name="EndSeconds">End, same clock.</param>
/// <param name="PredictedSeconds">The model's prediction at placement; NaN when it had none.</param>
/// <param name="Status">How it ended.</param>
public sealed record TaskSpan(long Id, string Name, int Worker, string Implementation, double StartSeconds, double EndSeconds, double PredictedSeconds, ScheduledTaskStatus Status)
{
    /// <summary>Measured (or simulated) seconds.</summary>
    public double Seconds => EndSeconds - StartSeconds;
}
