using System.Globalization;
using System.Text;

namespace Oompa.Scheduler.Tracing;

/// <summary>
/// A run in numbers: busy time per worker, bytes per link, and how well the performance models predicted (mean
/// relative error |predicted − measured| / measured over the tasks that had a prediction).
/// </summary>
/// <param name="ElapsedSeconds">Seconds since the start (or the simulated makespan).</param>
/// <param name="Workers">Per worker.</param>
/// <param name="Links">Per directed link that moved data.</param>
/// <param name="TasksCompleted">Tasks that ran to completion.</param>
/// <param name="PredictedTasks">Tasks that had a model prediction.</param>
/// <param name="MeanRelativeError">Mean relative prediction error; NaN when no task had a prediction.</param>
public sealed record RuntimeSummary(
    double ElapsedSeconds,
    IReadOnlyList<WorkerSummary> Workers,
    IReadOnlyList<LinkSummary> Links,
    long TasksCompleted,
    long PredictedTasks,
    double MeanRelativeError)
{
    /// <summary>A small text report.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"elapsed {ElapsedSeconds * 1e3:F3} ms, {TasksCompleted} tasks, model error {MeanRelativeError:P1} over {PredictedTasks} predicted tasks").AppendLine();
        foreach (var w in Workers)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {w.Name,-12} {w.Tasks,8} tasks  busy {w.BusySeconds * 1e3,10:F3} ms  {w.BusyFraction,7:P1}").AppendLine();
        }

        foreach (var l in Links)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {l.From} -> {l.To}: {l.Bytes} bytes in {l.Copies} copies").AppendLine();
        }

        return text.ToString();
    }
}
