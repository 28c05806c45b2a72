using System.Diagnostics;
using Oompa.Samples.FlexAlign;

namespace Oompa.Benchmarks.FlexAlign;

/// <summary>
/// Synchronous progress sink that attributes wall time and process CPU time to the pipeline stage that reported last.
/// </summary>
internal sealed class StageClock : IProgress<FlexAlignProgress>, IDisposable
{
    private readonly Stopwatch watch = Stopwatch.StartNew();
    private readonly Process process = Process.GetCurrentProcess();
    private readonly Dictionary<string, double> seconds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> cpuSeconds = new(StringComparer.Ordinal);
    private readonly TimeSpan cpuStart;
    private double last;
    private double lastCpu;

    public StageClock() => cpuStart = process.TotalProcessorTime;

    /// <summary>Seconds per stage: the time up to each report is charged to the reporting stage.</summary>
    public IReadOnlyDictionary<string, double> Seconds => seconds;

    /// <summary>Process CPU seconds per stage, charged the same way.</summary>
    public IReadOnlyDictionary<string, double> CpuSeconds => cpuSeconds;

    public void Report(FlexAlignProgress value)
    {
        double now = watch.Elapsed.TotalSeconds;
        process.Refresh();
        double cpu = (process.TotalProcessorTime - cpuStart).TotalSeconds;
        seconds[value.Stage] = seconds.GetValueOrDefault(value.Stage) + (now - last);
        cpuSeconds[value.Stage] = cpuSeconds.GetValueOrDefault(value.Stage) + (cpu - lastCpu);
        last = now;
        lastCpu = cpu;
    }

    public void Dispose() => process.Dispose();

    /// <summary>Charges the time since the last report to <paramref name="stage"/>.</summary>
    public void Finish(string stage) => Report(new FlexAlignProgress(stage, 1, 1));
}
