using System.Diagnostics;
using System.Globalization;
using Oompa.Benchmarks.Harness;
using Oompa.Core.Devices;
using Oompa.Core.Devices.OpenCl;
using Oompa.Samples.FlexAlign;
using Oompa.Samples.FlexAlign.Global;
using Oompa.Samples.FlexAlign.Movie;
using Oompa.Samples.FlexAlign.Phantom;
using Oompa.Scheduler;
using Oompa.Scheduler.Workers;

namespace Oompa.Benchmarks.FlexAlign;

/// <summary>
/// <c>./oompa bench flexalign [--size S] [--frames N] [--passes P] [--block B] [--backend cpu|auto]</c>: end-to-end FlexAlign global
/// alignment plus aligned sum of a noisy S×S×N grid phantom (default 4096×4096×40, paper dose, max resolution 15 Å, max
/// shift 20 Å at 1 Å/px, multi-threaded CPU, or with auto the task scheduler with one one-core CPU worker per core),
/// after a warm-up on a small movie (JIT, plans). Median of 3 runs when one run takes under
/// 60 s, else 1 run. After each run the same process times the FFTs the method must perform (<see cref="FlexAlignFftTimer"/>),
/// so each run has its own reference taken under the same machine load: ratio = median over runs of pipeline seconds /
/// FFT seconds. Plain stopwatch timing: the run is far too long for BenchmarkDotNet.
/// </summary>
internal static class FlexAlignBench
{
    private const double LongRunSeconds = 60;

    public static BenchReport Run(string[] args)
    {
        int size = Option(args, "--size", 4096);
        int frames = Option(args, "--frames", 40);
        var defaults = new GlobalAlignmentSettings();
        int passes = Option(args, "--passes", defaults.RefinementPasses);
        int block = Option(args, "--block", defaults.CorrelationBlock);
        var settings = defaults with { MaxResolution = 15, MaxShift = 20, RefinementPasses = passes, CorrelationBlock = block };
        var device = CpuDevice.Default;
        string backend = Text(args, "--backend", "cpu");
        using var runtime = backend switch
        {
            "cpu" => null,
            // As ./oompa flexalign --backend auto: a one-core CPU worker per thread and every OpenCL GPU or accelerator.
            "auto" => new TaskRuntime(new RuntimeOptions { Workers = CpuWorker.Split(device.Threads) }.WithOpenCl(OpenClDevices.Accelerators)),
            _ => throw new InvalidOperationException($"--backend must be cpu or auto, not '{backend}'."),
        };
        var provider = runtime is null ? new AlgorithmProvider(device) : AlgorithmProvider.Scheduled(runtime, device);
        var aligner = new GlobalAligner(provider);

        var warmup = Movie(Math.Min(size, 512), Math.Min(frames, 8), seed: 2);
        Align(aligner, warmup, settings, null);

        var generate = Stopwatch.StartNew();
        var movie = Movie(size, frames, seed: 1);
        double generateSeconds = generate.Elapsed.TotalSeconds;

        var geometry = CorrelationGeometry.For(size, size, settings);
        using var timer = new FlexAlignFftTimer(size, size, frames, settings.FftBatch, geometry.CroppedWidth, geometry.CroppedHeight, settings.CorrelationBlock);
        timer.Run(); // warm-up: the first pass touches FFTW's own buffers
        var times = new List<double>();
        var cpuTimes = new List<double>();
        var references = new List<(double Forward, double Inverse)>();
        var cpuReferences = new List<double>();
        using var process = Process.GetCurrentProcess();
        GlobalAlignmentResult? result = null;
        var clock = new StageClock();
        do
        {
            clock.Dispose();
            clock = new StageClock();
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            result = Align(aligner, movie, settings, clock);
            times.Add(watch.Elapsed.TotalSeconds);
            process.Refresh();
            cpuTimes.Add((process.TotalProcessorTime - cpu).TotalSeconds);
            clock.Finish("sum inverse");
            cpu = process.TotalProcessorTime;
            references.Add(timer.Run());
            process.Refresh();
            cpuReferences.Add((process.TotalProcessorTime - cpu).TotalSeconds);
        }
        while (times.Count < 3 && times[0] < LongRunSeconds);

        var ratios = times.Zip(references, (t, r) => t / (r.Forward + r.Inverse)).ToList();
        double seconds = Median(times);
        double forward = Median([.. references.Select(r => r.Forward)]);
        double inverse = Median([.. references.Select(r => r.Inverse)]);
        double fft = Median([.. references.Select(r => r.Forward + r.Inverse)]);
        double ratio = Median(ratios);
        var cpuRatios = cpuTimes.Zip(cpuReferences, (t, r) => t / r).ToList();
        double rms = Rms(result.CorrectiveShifts, movie.CorrectiveShifts);
        string shape = $"{size}x{size}x{frames}";
        return new BenchReport("flexalign")
            .Line("movie", Inv($"{shape} noisy grid phantom (generated in {generateSeconds:F1} s), 15 A, max shift 20 A, {device.Threads} threads"))
            .Line("backend", Inv($"{provider.Backend}: {string.Join(", ", provider.Workers)}"))
            .Line("correlation", Inv($"cropped {geometry.CroppedWidth}x{geometry.CroppedHeight}, {frames * (frames - 1) / 2} pairs in blocks of {block} frames, refinement passes {passes}"))
            .Line("alignment + sum", Inv($"{seconds:F2} s per movie ({(times.Count == 1 ? "1 run, >= 60 s" : $"median of {times.Count}")}: {List(times)})"))
            .Line("required FFTs", Inv($"{fft:F2} s = {frames} forward R2C {size}^2 ({forward:F2} s) + {frames * (frames - 1) / 2} inverse C2R {geometry.CroppedWidth}x{geometry.CroppedHeight} ({inverse:F2} s); after each run: {List([.. references.Select(r => r.Forward + r.Inverse)])}"))
            .Line("stages (last run)", string.Join(", ", clock.Seconds.Select(kv => Inv($"{kv.Key} {kv.Value:F2} s ({clock.CpuSeconds[kv.Key]:F2} CPU s)"))))
            .Line("ratio to FFT", Inv($"{ratio:F2} (target <= 1.5; median of the runs' ratios {List(ratios)})"))
            .Line("first run", Inv($"{times[0]:F2} s, ratio {ratios[0]:F2}: the first movie of this size in the process faults its working memory in (buffers are pooled and reused by later movies)"))
            .Line("CPU-time ratio", Inv($"{Median(cpuRatios):F2} (process CPU seconds, pipeline / FFTs: {List(cpuTimes)} / {List(cpuReferences)}; less sensitive to other processes' load than wall time)"))
            .Line("RMS error", Inv($"{rms:F4} px against the phantom's shifts, {result.Solution.Rejected.Count} pairs rejected"))
            .Field("size", shape)
            .Field("seconds_per_movie", seconds)
            .Field("fft_seconds", fft)
            .Field("ratio_to_fft", ratio)
            .Field("first_run_ratio", ratios[0])
            .Field("cpu_time_ratio", Median(cpuRatios))
            .Field("rms_error_px", rms)
            .Field("refinement_passes", passes)
            .Field("threads", device.Threads)
            .Field("backend", provider.Backend);
    }

    private static PhantomMovie Movie(int size, int frames, int seed) =>
        PhantomGenerator.Generate(new PhantomSettings { Width = size, Height = size, Frames = frames, Seed = seed }, CpuDevice.Default.ParallelOptions);

    private static GlobalAlignmentResult Align(GlobalAligner aligner, PhantomMovie movie, GlobalAlignmentSettings settings, IProgress<FlexAlignProgress>? progress) =>
        aligner.Align(new InMemoryFrameSource(movie.Frames, movie.Settings.Width, movie.Settings.Height, movie.Settings.Frames), settings, progress: progress);

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static string List(IEnumerable<double> values) => string.Join(", ", values.Select(v => v.ToString("F2", CultureInfo.InvariantCulture)));

    private static double Rms(IReadOnlyList<FrameShift> estimated, IReadOnlyList<FrameShift> truth)
    {
        double sum = 0;
        for (int t = 0; t < truth.Count; t++)
        {
            var d = estimated[t] - truth[t];
            sum += (d.X * d.X) + (d.Y * d.Y);
        }

        return Math.Sqrt(sum / truth.Count);
    }

    private static string Text(string[] args, string name, string fallback)
    {
        int i = Array.IndexOf(args, name);
        return i < 0 ? fallback : i + 1 < args.Length ? args[i + 1] : throw new InvalidOperationException($"{name} needs a value.");
    }

    private static int Option(string[] args, string name, int fallback)
    {
        int i = Array.IndexOf(args, name);
        if (i < 0)
        {
            return fallback;
        }

        if (i + 1 >= args.Length || !int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) || value < (name == "--passes" ? 0 : 2))
        {
            throw new InvalidOperationException($"{name} needs an integer value (at least {(name == "--passes" ? 0 : 2)}).");
        }

        return value;
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
