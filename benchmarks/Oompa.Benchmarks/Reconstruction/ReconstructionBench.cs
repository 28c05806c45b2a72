using System.Diagnostics;
using System.Globalization;
using Oompa.Algorithms.Reconstruction.Geometry;
using Oompa.Algorithms.Reconstruction.Insertion;
using Oompa.Algorithms.Reconstruction.Phantom;
using Oompa.Algorithms.Reconstruction.Symmetry;
using Oompa.Benchmarks.Harness;
using Oompa.Core.Devices;
using Oompa.Core.Devices.OpenCl;
using Oompa.Scheduler;
using Oompa.Scheduler.Workers;
using Oompa.Samples.FourierReconstruction.Pipeline;

namespace Oompa.Benchmarks.Reconstruction;

/// <summary>
/// <c>./oompa bench reconstruct [--fast] [--scale F] [--size 64|128|256] [--backend cpu|opencl|auto|opencl-staged|all]</c>: insertion
/// throughput of the Fourier reconstruction per backend (default cpu, opencl and auto; <c>opencl-staged</c> is opencl with
/// G and W in host payloads staged per call, to measure what keeping them on the device saves) for three cases: 64²
/// projections under the 78 operators of D39, and 128² and 256² projections under one.
/// Default settings (pad 2, blob 1.9/0/15 from a table; <c>--fast</c> for nearest neighbour). Per case: a warm-up
/// batch, then enough projections for about 5 s of insertion on two cores (<c>--scale</c> multiplies the counts).
/// Under auto the insertion time is the submitting thread's time in insertion (waits for a free batch buffer and the
/// final wait for every task and the reduction included), and the tasks per worker are reported.
/// Reported: projections/s and traverse spaces/s of the insertion alone, inserted voxels/s (voxels updated, counted
/// exactly on a sample of spaces), the whole loop's projections/s (preprocessing and traverse spaces included), and
/// the one-off read-back of G and W to the host (backend opencl; not insertion: it grows with the volume, not with the
/// projections) and the one-off finalisation time. <c>--size</c> runs only the case of that image size. Plain
/// stopwatch timing; the projections are generated beforehand.
/// </summary>
internal static class ReconstructionBench
{
    public static BenchReport Run(string[] args)
    {
        bool fast = args.Contains("--fast");
        double scale = Option(args, "--scale", 1);
        int only = (int)Option(args, "--size", 0);
        var insertion = fast ? new FourierInsertionSettings(Mode: InsertionMode.NearestNeighbour) : FourierInsertionSettings.Default;
        var device = CpuDevice.Default;
        string which = Text(args, "--backend", "all");
        string[] backends = which == "all" ? ["cpu", "opencl", "auto"] : [which];
        var operators78 = SymmetryGroup.Parse("D39").Operators.ToArray();
        (string Name, int Size, Matrix3[] Operators, int Projections)[] cases =
        [
            ("64x64, 78 operators (D39)", 64, operators78, Scaled(fast ? 60 : 12, scale)),
            ("128x128, 1 operator", 128, [Matrix3.Identity], Scaled(fast ? 2000 : 200, scale)),
            ("256x256, 1 operator", 256, [Matrix3.Identity], Scaled(fast ? 500 : 40, scale)),
        ];

        var report = new BenchReport("reconstruct")
            .Line("settings", Inv($"pad 2, blob 1.9/0/15 {(fast ? "fast (nearest neighbour + late blobbing)" : "gather from a 10000-entry table")}, backends {string.Join(", ", backends)}, {device.Threads} threads"));
        report.Field("backend", which).Field("threads", device.Threads).Field("mode", fast ? "fast" : "blob");
        foreach (string backend in backends)
        {
            using var provider = Provider(backend, device);
            if (provider.OpenCl is { } openCl)
            {
                report.Line(Inv($"{backend} device"), openCl.Name);
            }

            foreach (var (name, size, operators, count) in cases)
            {
                if (only > 0 && size != only)
                {
                    continue;
                }

                var r = Measure(size, operators, count, insertion, provider);
                string key = Inv($"{backend.Replace('-', '_')}_{size}_ops{operators.Length}");
                report.Line(Inv($"{backend}: {name}"), Inv($"{r.ProjectionsPerSecond:F1} projections/s, {r.SpacesPerSecond:F0} spaces/s, {r.VoxelsPerSecond / 1e6:F1} M voxels/s (insertion {r.InsertionSeconds:F2} s for {count} projections; whole loop {r.LoopProjectionsPerSecond:F1} projections/s; read-back {r.ReadbackSeconds:F2} s; finish {r.FinishSeconds:F2} s)"));
                report.Field($"{key}_projections_per_s", r.ProjectionsPerSecond)
                    .Field($"{key}_voxels_per_s", r.VoxelsPerSecond)
                    .Field($"{key}_loop_projections_per_s", r.LoopProjectionsPerSecond)
                    .Field($"{key}_readback_s", r.ReadbackSeconds)
                    .Field($"{key}_finish_s", r.FinishSeconds);
            }

            if (provider.Runtime is { } runtime)
            {
                report.Line("auto: tasks per worker", string.Join(", ", runtime.Summary().Workers.Select(w => Inv($"{w.Name} {w.Tasks} ({w.BusySeconds:F2} s busy)"))));
            }
        }

        return report;
    }

    private static AlgorithmProvider Provider(string backend, CpuDevice device) => backend switch
    {
        "opencl-staged" => new AlgorithmProvider(device, openCl: OpenClDevices.Require(), deviceAccumulators: false),
        "auto" => AlgorithmProvider.Create("auto", device, runtimeOptions: new RuntimeOptions { Workers = CpuWorker.Split(device.Threads), PersistModels = false }),
        _ => AlgorithmProvider.Create(backend, device),
    };

    private static Result Measure(int size, Matrix3[] operators, int count, FourierInsertionSettings insertion, AlgorithmProvider provider)
    {
        var settings = new ReconstructionSettings(Insertion: insertion, BatchSize: 16);
        var phantom = GaussianPhantom.Random(size, 1);
        int warm = Math.Min(16, count);
        var angles = Orientations.Random(count + warm, 3);
        var images = new float[count + warm][];
        for (int k = 0; k < images.Length; k++)
        {
            images[k] = new float[size * size];
            phantom.Project(angles[k].ToMatrix(), images[k], size);
        }

        using var reconstructor = new FourierReconstructor(size, settings, provider, operators);
        for (int k = 0; k < warm; k++)
        {
            reconstructor.Add(images[k], angles[k]);
        }

        reconstructor.Flush();
        var before = Snapshot(reconstructor.Timings);
        var clock = Stopwatch.StartNew();
        for (int k = warm; k < images.Length; k++)
        {
            reconstructor.Add(images[k], angles[k]);
        }

        var map = new float[size * size * size];
        reconstructor.Finish(map);   // under auto: waits for the tasks and combines the partial volumes (counted as insertion)
        double finishSeconds = reconstructor.Timings.Finalization.TotalSeconds;
        double loop = clock.Elapsed.TotalSeconds - finishSeconds;
        double insertionSeconds = reconstructor.Timings.Insertion.TotalSeconds - before.Insertion;

        // Voxels per space, counted on a sample of spaces (the work per space varies little with the angle).
        var geometry = reconstructor.Geometry;
        var sample = angles.Take(4).SelectMany(a => operators.Take(3).Select(o => TraverseSpaces.Create(a.ToMatrix(), o, geometry.HalfSize, insertion, 0))).ToArray();
        double voxelsPerSpace = sample.Average(s => (double)SlabVoxels.Count(s, geometry.HalfSize, insertion));
        double spaces = (double)count * operators.Length;
        return new Result(insertionSeconds, count / insertionSeconds, spaces / insertionSeconds, spaces * voxelsPerSpace / insertionSeconds, count / loop, reconstructor.Timings.Readback.TotalSeconds, finishSeconds);
    }

    private static (double Insertion, double Total) Snapshot(ReconstructionTimings t) => (t.Insertion.TotalSeconds, t.Total.TotalSeconds);

    private static int Scaled(int count, double scale) => Math.Max(1, (int)Math.Round(count * scale));

    private static double Option(string[] args, string name, double fallback)
    {
        int i = Array.IndexOf(args, name);
        if (i < 0)
        {
            return fallback;
        }

        return i + 1 < args.Length && double.TryParse(args[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && v > 0
            ? v
            : throw new InvalidOperationException($"{name} needs a positive number.");
    }

    private static string Text(string[] args, string name, string fallback)
    {
        int i = Array.IndexOf(args, name);
        string[] valid = ["cpu", "opencl", "auto", "opencl-staged", "all"];
        return i < 0 ? fallback
            : i + 1 < args.Length && valid.Contains(args[i + 1]) ? args[i + 1]
            : throw new InvalidOperationException($"{name} needs one of {string.Join(", ", valid)}.");
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private sealed record Result(double InsertionSeconds, double ProjectionsPerSecond, double SpacesPerSecond, double VoxelsPerSecond, double LoopProjectionsPerSecond, double ReadbackSeconds, double FinishSeconds);
}
