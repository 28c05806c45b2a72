using System.Diagnostics;
using System.Globalization;
using Oompa.Algorithms.Common.OpenCl;
using Oompa.Benchmarks.Harness;
using Oompa.Benchmarks.OpenCl;
using Oompa.Core.Devices.OpenCl;
using Oompa.Tuning.Dynamic;
using Oompa.Tuning.Store;

namespace Oompa.Benchmarks.Tuning;

/// <summary>
/// <c>./oompa bench tuner [--size S] [--budget N] [--store DIR]</c>: on the first OpenCL device, each workload of
/// <see cref="TunerBenchCases"/> on S×S data (default 2048) is timed with default configurations (tuning off), tuned
/// dynamically (simulated annealing, N configurations per kernel, default 16) by executing it until its sessions end,
/// and timed again with the stored results. Kernel times are device times (profiling markers, median). The tuning
/// overhead is the wall time of the tuning executions beyond as many untuned ones. Results go to a temporary store
/// unless <c>--store</c> names one. Kernels of <see cref="OpenClKernelCatalog"/> no case ran are listed. Last line JSON.
/// </summary>
internal static class TunerBench
{
    public static BenchReport Run(string[] args)
    {
        int size = Option(args, "--size", 2048);
        int budget = Option(args, "--budget", 16);
        int i = Array.IndexOf(args, "--store");
        string? keep = i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        string store = keep ?? Path.Combine(Path.GetTempPath(), "oompa-bench-tuner", Guid.NewGuid().ToString("N"));
        var device = OpenClDevices.Require();
        var report = new BenchReport("tuner")
            .Line("device", $"{device.Info.Name} ({device.Info.TypeName}, {device.Info.ComputeUnits} units), driver {device.Info.DriverVersion}")
            .Line("budget", string.Create(CultureInfo.InvariantCulture, $"{budget} configurations per kernel (simulated annealing), data {size}x{size}"))
            .Field("device", device.Info.Name)
            .Field("size", size)
            .Field("budget", budget);
        var tuned = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            foreach (var make in TunerBenchCases.All)
            {
                foreach (var kernel in Measure(device, size, budget, store, make, report))
                {
                    tuned.Add(kernel);
                }
            }
        }
        finally
        {
            if (keep is null && Directory.Exists(store))
            {
                Directory.Delete(store, recursive: true);
            }
        }

        var missing = OpenClKernelCatalog.All.Select(k => k.Name).Where(n => !tuned.Contains(n)).ToList();
        report.Line("without a case", missing.Count == 0 ? "none" : string.Join(", ", missing))
            .Field("kernels_tuned", tuned.Count)
            .Field("kernels_without_case", missing.Count);
        return report;
    }

    private static List<string> Measure(OpenClDevice device, int size, int budget, string store, Func<OpenClDevice, int, OpenClBenchCase> make, BenchReport report)
    {
        var off = new KernelTuner(new KernelTunerOptions { Mode = TuningModeSetting.Parse("off") });
        var (defaultSeconds, untunedWall, name, shape) = Time(device, size, make, off);

        var tuner = new KernelTuner(new KernelTunerOptions { Mode = TuningModeSetting.Parse($"retune:{budget}"), StoreDirectory = store });
        OpenClBenchCase benchCase;
        using (KernelTuner.Use(tuner))
        {
            benchCase = make(device, size);
        }

        long start = Stopwatch.GetTimestamp();
        int executions = 0;
        IReadOnlyList<TuningSession> sessions;
        try
        {
            while (tuner.Sessions.Any(s => !s.IsFinished) && executions < budget * 4)
            {
                benchCase.Enqueue();
                device.ComputeQueue.Finish();
                executions++;
            }

            sessions = tuner.Sessions;
        }
        finally
        {
            benchCase.Release();
        }

        double tuningWall = Stopwatch.GetElapsedTime(start).TotalSeconds;
        if (sessions.Count == 0)
        {
            report.Line(name, "no tunable kernel joined the tuner").Field(Key(name) + "_status", "untunable");
            return [];
        }

        if (sessions.FirstOrDefault(s => !s.IsFinished) is { } unfinished)
        {
            throw new InvalidOperationException($"{name}: tuning {unfinished.Key.Strategy} did not finish within {executions} executions.");
        }

        var stored = new KernelTuner(new KernelTunerOptions { Mode = TuningModeSetting.Parse("use-stored"), StoreDirectory = store });
        var (tunedSeconds, _, _, _) = Time(device, size, make, stored);
        string kernels = string.Join(", ", sessions.Select(s => s.Key.Strategy));
        string best = string.Join("; ", sessions.Select(s => s.Best.Key));
        int steps = tuner.Steps;
        double overhead = Math.Max(0, tuningWall - (executions * untunedWall)) / Math.Max(1, steps);
        string key = Key(name);
        report.Line(name, string.Create(CultureInfo.InvariantCulture,
                $"{kernels}: default {defaultSeconds * 1e3:F3} ms, tuned {tunedSeconds * 1e3:F3} ms, {defaultSeconds / tunedSeconds:F2}x  best {best}  ({shape})"))
            .Line(name + " tuning", string.Create(CultureInfo.InvariantCulture,
                $"{steps} steps in {executions} executions, {tuningWall:F2} s, overhead {overhead * 1e3:F1} ms per step"))
            .Field(key + "_kernels", kernels)
            .Field(key + "_default_ms", defaultSeconds * 1e3)
            .Field(key + "_tuned_ms", tunedSeconds * 1e3)
            .Field(key + "_speedup", defaultSeconds / tunedSeconds)
            .Field(key + "_best", best)
            .Field(key + "_steps", steps)
            .Field(key + "_tuning_s", tuningWall)
            .Field(key + "_overhead_ms_per_step", overhead * 1e3);
        return [.. sessions.Select(s => s.Key.Strategy)];
    }

    /// <summary>Device time (median of markers) and wall time per execution of a case built under <paramref name="tuner"/>.</summary>
    private static (double Device, double Wall, string Name, string Shape) Time(OpenClDevice device, int size, Func<OpenClDevice, int, OpenClBenchCase> make, KernelTuner tuner)
    {
        OpenClBenchCase benchCase;
        using (KernelTuner.Use(tuner))
        {
            benchCase = make(device, size);
        }

        try
        {
            double seconds = DeviceTimer.MedianSeconds(device.ComputeQueue, benchCase.Enqueue);
            var walls = new List<double>();
            for (int i = 0; i < 5; i++)
            {
                long start = Stopwatch.GetTimestamp();
                benchCase.Enqueue();
                device.ComputeQueue.Finish();
                walls.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
            }

            walls.Sort();
            return (seconds, walls[walls.Count / 2], benchCase.Name, benchCase.Shape);
        }
        finally
        {
            benchCase.Release();
        }
    }

    private static string Key(string name) => name.ToLowerInvariant().Replace(' ', '_').Replace('.', '_').Replace('-', '_');

    private static int Option(string[] args, string name, int fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value > 0
            ? value
            : i >= 0 ? throw new InvalidOperationException($"{name} needs a positive integer.") : fallback;
    }
}
