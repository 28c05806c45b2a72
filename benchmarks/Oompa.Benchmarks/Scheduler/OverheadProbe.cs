using System.Diagnostics;
using Oompa.Core.Devices;
using Oompa.Scheduler;
using Oompa.Scheduler.Tasks;
using Oompa.Scheduler.Workers;

namespace Oompa.Benchmarks.Scheduler;

/// <summary>Times empty tasks through a real runtime with one CPU worker.</summary>
internal static class OverheadProbe
{
    /// <summary>Microseconds per task from submission to completion of <paramref name="tasks"/> empty tasks (median of 7 runs after a warm-up).</summary>
    public static double PerTask(string policy, bool modeled, int tasks)
    {
        var codelet = new Codelet("empty", new TaskImplementation("cpu", DeviceKind.Cpu, static _ => { })) { Modeled = modeled };
        using var runtime = new TaskRuntime(Options(policy));
        Batch(runtime, codelet, Math.Min(tasks, 20_000));
        var times = new double[7];
        for (int r = 0; r < times.Length; r++)
        {
            times[r] = Batch(runtime, codelet, tasks) / tasks * 1e6;
        }

        Array.Sort(times);
        return times[times.Length / 2];
    }

    /// <summary>Median microseconds to submit one empty task to an idle worker and wait for it.</summary>
    public static double RoundTrip(int iterations)
    {
        var codelet = new Codelet("empty", new TaskImplementation("cpu", DeviceKind.Cpu, static _ => { })) { Modeled = false };
        using var runtime = new TaskRuntime(Options("eager"));
        var times = new double[iterations];
        for (int i = -100; i < iterations; i++)
        {
            long start = Stopwatch.GetTimestamp();
            runtime.Submit(codelet).Completion.GetAwaiter().GetResult();
            double us = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            if (i >= 0)
            {
                times[i] = us;
            }
        }

        Array.Sort(times);
        return times[times.Length / 2];
    }

    private static double Batch(TaskRuntime runtime, Codelet codelet, int tasks)
    {
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < tasks; i++)
        {
            runtime.Submit(codelet);
        }

        runtime.Synchronize();
        return Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    private static RuntimeOptions Options(string policy) => new()
    {
        Workers = [new CpuWorker("cpu0")],
        Policy = policy,
        PersistModels = false,
    };
}
