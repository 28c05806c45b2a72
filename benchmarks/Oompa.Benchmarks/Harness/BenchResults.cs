using BenchmarkDotNet.Reports;

namespace Oompa.Benchmarks.Harness;

/// <summary>Reads medians out of a BenchmarkDotNet summary by benchmark method name.</summary>
internal sealed class BenchResults(Summary summary)
{
    /// <summary>Median time of <paramref name="method"/> in nanoseconds.</summary>
    /// <exception cref="InvalidOperationException">The benchmark did not run or failed.</exception>
    public double MedianNs(string method)
    {
        var report = summary.Reports.FirstOrDefault(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method)
            ?? throw new InvalidOperationException($"Benchmark {method} did not run; see the BenchmarkDotNet log above.");
        return report.ResultStatistics?.Median
            ?? throw new InvalidOperationException($"Benchmark {method} produced no measurements; see the BenchmarkDotNet log above.");
    }
}
