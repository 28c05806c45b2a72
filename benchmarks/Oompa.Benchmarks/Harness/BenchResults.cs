using BenchmarkDotNet.Reports;

namespace Oompa.Benchmarks.Harness;

/// <summary>Reads medians out of a BenchmarkDotNet summary by benchmark method name (and parameter value).</summary>
internal sealed class BenchResults(Summary summary)
{
    /// <summary>Median time of <paramref name="method"/> in nanoseconds.</summary>
    /// <exception cref="InvalidOperationException">The benchmark did not run or failed.</exception>
    public double MedianNs(string method) => Median(method, summary.Reports.FirstOrDefault(r => Method(r) == method));

    /// <summary>Median time in nanoseconds of <paramref name="method"/> run with parameter <paramref name="parameter"/>
    /// set to <paramref name="value"/>.</summary>
    /// <exception cref="InvalidOperationException">The benchmark did not run or failed.</exception>
    public double MedianNs(string method, string parameter, object value) =>
        Median($"{method} ({parameter}={value})", summary.Reports.FirstOrDefault(r => Method(r) == method && Equals(r.BenchmarkCase.Parameters[parameter], value)));

    private static string Method(BenchmarkReport report) => report.BenchmarkCase.Descriptor.WorkloadMethod.Name;

    private static double Median(string what, BenchmarkReport? report)
    {
        if (report is null)
        {
            throw new InvalidOperationException($"Benchmark {what} did not run; see the BenchmarkDotNet log above.");
        }

        return report.ResultStatistics?.Median
            ?? throw new InvalidOperationException($"Benchmark {what} produced no measurements; see the BenchmarkDotNet log above.");
    }
}
