using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Oompa.Benchmarks.Harness;
using Oompa.Core.Devices;

namespace Oompa.Benchmarks.Elementwise;

/// <summary>
/// <c>./oompa bench elementwise</c>: runs <see cref="ElementwiseBenchmarks"/> and reports, per case, the median time,
/// the effective bandwidth (bytes moved / median, see <see cref="ElementwiseCases"/>) and its fraction of the copy
/// bandwidth measured just before it in the same process. The copy figure reported is the median over all cases.
/// </summary>
internal static class ElementwiseCommand
{
    /// <summary>The fraction of the copy bandwidth every case should reach.</summary>
    public const double TargetFraction = 0.5;

    public static BenchReport Run(IConfig config)
    {
        var results = new BenchResults(BenchmarkRunner.Run<ElementwiseBenchmarks>(config));
        const string parameter = nameof(ElementwiseBenchmarks.Case);
        var rows = ElementwiseCases.All.Select(c =>
        {
            double copyNs = results.MedianNs(nameof(ElementwiseBenchmarks.Copy), parameter, c.Key);
            double ns = results.MedianNs(nameof(ElementwiseBenchmarks.Algorithm), parameter, c.Key);
            double copyGbps = ElementwiseCases.CopyMovedBytes / copyNs;
            double gbps = c.Bytes / ns;
            return (Case: c, Ns: ns, Gbps: gbps, CopyGbps: copyGbps, Fraction: gbps / copyGbps);
        }).ToList();

        var copies = rows.Select(r => r.CopyGbps).Order().ToList();
        double copy = copies.Count % 2 == 1 ? copies[copies.Count / 2] : (copies[(copies.Count / 2) - 1] + copies[copies.Count / 2]) / 2;
        double worst = rows.Min(r => r.Fraction);
        var report = new BenchReport("elementwise")
            .Line("threads", CpuDevice.Default.Threads.ToString(CultureInfo.InvariantCulture))
            .Line("copy (baseline)", Text($"{ElementwiseCases.CopyBytes >> 20} MiB, read + write counted: {copy:F1} GB/s (median of the {rows.Count} copies; range {copies[0]:F1} to {copies[^1]:F1})"))
            .Field("threads", CpuDevice.Default.Threads)
            .Field("copy_gbps", copy);
        foreach (var r in rows)
        {
            report.Line(r.Case.Label, Text($"{r.Ns / 1e6,6:F2} ms  {r.Gbps,6:F1} GB/s  {r.Fraction:F2} of copy ({r.CopyGbps:F1} GB/s just before); {r.Case.Bytes / 1e6:F0} MB moved"))
                .Field($"{r.Case.Key}_gbps", r.Gbps)
                .Field($"{r.Case.Key}_copy_fraction", r.Fraction);
        }

        return report
            .Line("target", Text($"every case >= {TargetFraction:F2} of the copy bandwidth; worst {worst:F2}: {(worst >= TargetFraction ? "met" : "NOT met")}"))
            .Field("min_copy_fraction", worst)
            .Field("target_copy_fraction", TargetFraction);
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
