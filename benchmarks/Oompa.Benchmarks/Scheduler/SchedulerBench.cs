using System.Globalization;
using Oompa.Benchmarks.Harness;
using Oompa.Core.Devices.OpenCl;
using Oompa.Scheduler.Policies;

namespace Oompa.Benchmarks.Scheduler;

/// <summary>
/// <c>./oompa bench scheduler [--tasks N] [--graphs G]</c>: the task runtime's own cost and its policies' quality.
/// Overhead: N empty tasks (default 200000) submitted back to back to one CPU worker and waited for, median of 7 runs
/// divided by N (submit to completion, throughput); also the round trip of one task submitted and awaited alone.
/// A real run with the first OpenCL device (pocl in CI), when there is one: the host-device link from profiling events
/// and from timed copies, the per-task overhead of empty tasks on the OpenCL worker, and a small workload (a scale task
/// with a CPU loop and an OpenCL kernel) placed by dmda on a CPU worker and the OpenCL worker, with tasks per worker
/// and bytes per link. Quality, on the simulator (the same policy code on a virtual clock): makespan / lower bound over G seeded random
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

        RealRun(report);

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

    /// <summary>A real run with CPU workers and the first OpenCL device: overhead on the device worker, link, a workload.</summary>
    private static void RealRun(BenchReport report)
    {
        if (OpenClDevices.Default is not { } device)
        {
            report.Line("OpenCL worker", $"not measured: {OpenClDevices.UnavailableReason}").Field("opencl_device", "none");
            return;
        }

        var (events, timed) = OpenClProbe.Link(device);
        double overhead = OpenClProbe.EmptyTaskOverhead(device, 20_000);
        const int Arrays = 16, Floats = 1 << 18, Rounds = 8;
        var (seconds, summary) = OpenClProbe.Workload(device, Arrays, Floats, Rounds);
        report.Line("OpenCL device", $"{device.Name} ({device.Info.TypeName}), node {device.MemoryNode}")
            .Line("link host -> device", $"{events.HostToNode} from profiling events, {timed.HostToNode} from timed copies through the node")
            .Line("link device -> host", $"{events.NodeToHost} from profiling events, {timed.NodeToHost} from timed copies through the node")
            .Line("overhead, OpenCL worker", Us(overhead, "20000 empty tasks, submit to completion incl. the compute-queue wait"))
            .Line("workload", string.Create(CultureInfo.InvariantCulture, $"{Arrays} x 1 MiB arrays x {Rounds} rounds of a scale task, dmda on 1 CPU worker + the OpenCL worker: {seconds * 1e3:F1} ms"));
        foreach (var w in summary.Workers)
        {
            report.Line($"  worker {w.Name}", string.Create(CultureInfo.InvariantCulture, $"{w.Tasks} tasks, busy {w.BusySeconds * 1e3:F1} ms"))
                .Field($"real_{w.Name}_tasks", w.Tasks);
        }

        foreach (var l in summary.Links)
        {
            report.Line($"  link {l.From} -> {l.To}", string.Create(CultureInfo.InvariantCulture, $"{l.Bytes / 1048576.0:F1} MiB in {l.Copies} copies"))
                .Field($"real_bytes_{l.From}_to_{l.To}", l.Bytes);
        }

        report.Field("opencl_device", device.Name)
            .Field("overhead_us_opencl", overhead)
            .Field("link_h2d_latency_us", events.HostToNode.LatencySeconds * 1e6)
            .Field("link_h2d_gbps", events.HostToNode.BytesPerSecond / 1e9)
            .Field("link_d2h_latency_us", events.NodeToHost.LatencySeconds * 1e6)
            .Field("link_d2h_gbps", events.NodeToHost.BytesPerSecond / 1e9)
            .Field("link_h2d_timed_latency_us", timed.HostToNode.LatencySeconds * 1e6)
            .Field("link_h2d_timed_gbps", timed.HostToNode.BytesPerSecond / 1e9)
            .Field("real_workload_ms", seconds * 1e3)
            .Field("real_prediction_error", double.IsFinite(summary.MeanRelativeError) ? summary.MeanRelativeError : -1);
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
