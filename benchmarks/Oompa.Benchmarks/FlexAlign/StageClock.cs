using System.Diagnostics;
using Oompa.Samples.FlexAlign;

namespace Oompa.Benchmarks.FlexAlign;

/// <summary>Synchronous progress sink that attributes wall time to the pipeline stage that reported last.</summary>
internal sealed class StageClock : IProgress<FlexAlignProgress>
{
    private readonly Stopwatch watch = Stopwatch.StartNew();
    private readonly Dictionary<string, double> seconds = new(StringComparer.Ordinal);
    private double last;

    /// <summary>Seconds per stage: the time up to each report is charged to the reporting stage.</summary>
    public IReadOnlyDictionary<string, double> Seconds => seconds;

    public void Report(FlexAlignProgress value)
    {
        double now = watch.Elapsed.TotalSeconds;
        seconds[value.Stage] = seconds.GetValueOrDefault(value.Stage) + (now - last);
        last = now;
    }

    /// <summary>Charges the time since the last report to <paramref name="stage"/>.</summary>
    public void Finish(string stage) => Report(new FlexAlignProgress(stage, 1, 1));
}
