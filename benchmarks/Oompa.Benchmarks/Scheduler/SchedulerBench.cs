using System.Globalization;
using Oompa.Benchmarks.Harness;
using Oompa.Scheduler.Policies;

namespace Oompa.Benchmarks.Scheduler;

/// <summary>
/// <c>./oompa bench scheduler [--tasks N] [--graphs G]</c>: the task runtime's own cost and its policies' quality.
/// Overhead: N empty tasks (default 200000) submitted back to back to one CPU worker and waited for, median of 7 runs
/// divided by N (submit to completion, throughput); also the round trip of one task submitted and awaited alone.
/// Quality, on the simulator (the same policy code on a virtual clock): makespan / lower bound over G seeded random
/// graphs (default 200) on identical CPU workers and on 22 CPUs + 2 GPUs, and the FlexAlign graph of a 40-frame movie
/// on 22 CPUs with one and with two GPUs. Plain stopwatch timing: BenchmarkDotNet's per-invocation model does not fit
/// a pipelined runtime.
/// </summary>
internal static class SchedulerBench
{
    public static BenchReport Run(string[] args)
    {
        int tasks = Option(args, "--tasks", 200_000);
        int graphs = Option(args, "--graphs", 200);
        var report = new BenchReport("scheduler");

        var eager = OverheadProbe.PerTask("eager", modeled: false, tasks);
        var dmda = OverheadProbe.PerTask("dmda", modeled: false, tasks);
        var dmdaModeled = OverheadProbe.PerTask("dmda", modeled: true, tasks);
        double roundTrip = OverheadProbe.RoundTrip(2000);
        report.Line("empty tasks", string.Create(CultureInfo.InvariantCulture, $"{tasks} per run, 1 CPU worker, median of 7 runs"))
            .Line("overhead eager", Us(eager, "target <= 5 us"))
            .Line("overhead dmda", Us(dmda, "unmodeled codelet"))
            .Line("overhead dmda, modeled", Us(dmdaModeled, "predict + record per task"))
            .Line("round trip, one task", Us(roundTrip, "submit, wake a sleeping worker, await"))
            .Field("overhead_us_eager", eager)
            .Field("overhead_us_dmda", dmda)
            .Field("overhead_us_dmda_modeled", dmdaModeled)
            .Field("round_trip_us", roundTrip);

        foreach (var policy in SchedulingPolicies.Names)
        {
            var homogeneous = SimulatedRatios.RandomGraphs(policy, graphs, heterogeneous: false);
            var mixed = SimulatedRatios.RandomGraphs(policy, graphs, heterogeneous: true);
            report.Line($"{policy}: random, 2-8 CPUs", Ratio(homogeneous, "makespan / max(critical path, work / workers)"))
                .Line($"{policy}: random, 22 CPUs + 2 GPUs", Ratio(mixed, "makespan / max(critical path, class area)"))
                .Field($"{policy}_random_cpu_mean", homogeneous.Mean)
                .Field($"{policy}_random_cpu_worst", homogeneous.Worst)
                .Field($"{policy}_random_gpu_mean", mixed.Mean)
                .Field($"{policy}_random_gpu_worst", mixed.Worst);
        }

        foreach (var policy in SchedulingPolicies.Names)
        {
            var (one, two, bound) = SimulatedRatios.FlexAlign(policy);
            report.Line($"{policy}: FlexAlign 40 frames", string.Create(CultureInfo.InvariantCulture, $"22 CPUs + 1 GPU {one:F3} s, + 2 GPUs {two:F3} s (bound {bound:F3} s, ratio {two / bound:F3})"))
                .Field($"{policy}_flexalign_1gpu_s", one)
                .Field($"{policy}_flexalign_2gpu_s", two)
                .Field($"{policy}_flexalign_2gpu_ratio", two / bound);
        }

        return report;
    }

    private static string Us(double us, string note) => string.Create(CultureInfo.InvariantCulture, $"{us:F2} us per task ({note})");

    private static string Ratio((double Mean, double Worst) r, string what) =>
        string.Create(CultureInfo.InvariantCulture, $"mean {r.Mean:F3}, worst {r.Worst:F3} ({what})");

    private static int Option(string[] args, string name, int fallback)
    {
        int i = Array.IndexOf(args, name);
        if (i < 0)
        {
            return fallback;
        }

        if (i + 1 >= args.Length || !int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) || value < 1)
        {
            throw new InvalidOperationException($"{name} needs a positive integer value.");
        }

        return value;
    }
}
