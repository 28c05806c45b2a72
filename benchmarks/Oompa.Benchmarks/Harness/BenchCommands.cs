using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using BenchmarkDotNet.Running;
using Oompa.Benchmarks.Elementwise;
using Oompa.Benchmarks.FlexAlign;
using Oompa.Benchmarks.Fft;
using Oompa.Benchmarks.OpenCl;
using Oompa.Benchmarks.Reconstruction;
using Oompa.Benchmarks.Scheduler;
using Oompa.Core.Devices;

namespace Oompa.Benchmarks.Harness;

/// <summary>
/// The curated benchmarks behind <c>./oompa bench &lt;what&gt;</c>: each runs BenchmarkDotNet on a fixed set of
/// benchmarks, then prints a summary whose last line is JSON. Ratios compare runs made in the same process.
/// </summary>
internal static class BenchCommands
{
    private static readonly Dictionary<string, (string Help, Func<IConfig, string[], BenchReport> Run)> Commands = new(StringComparer.Ordinal)
    {
        ["fft"] = ("FourierTransform.Execute vs the same FFTW plan called directly (10 x 1024^2 R2C) and the per-call cost", (c, _) => RunFft(c)),
        ["elementwise"] = ("Element-wise algorithms (Cpu.MultiThreaded) in GB/s against a multi-threaded copy; target >= 0.5 of copy", (c, _) => ElementwiseCommand.Run(c)),
        ["opencl"] = ("OpenCL kernels' effective bandwidth vs a device copy, host<->device transfers, FFT vs FFTW [--size S]", (_, a) => OpenClBench.Run(a)),
        ["tuner"] = ("Dynamic tuning of every OpenCL kernel with a case: default vs tuned device time and tuning overhead [--size S --budget N --store DIR]", (_, a) => Oompa.Benchmarks.Tuning.TunerBench.Run(a)),
        ["flexalign"] = ("FlexAlign global alignment + aligned sum of a 4096^2 x 40 phantom vs its required FFTs [--size S --frames N --passes P]", (_, a) => FlexAlignBench.Run(a)),
        ["reconstruct"] = ("Fourier reconstruction insertion: projections/s and inserted voxels/s for 64^2 x 78 operators, 128^2 and 256^2 x 1, per backend (cpu, opencl, auto) [--fast --scale F --backend cpu|opencl|auto|opencl-staged|all]", (_, a) => ReconstructionBench.Run(a)),
        ["scheduler"] = ("Task runtime: per-task overhead of empty tasks (target <= 5 us) and simulated makespan / lower bound per policy [--tasks N --graphs G]", (_, a) => SchedulerBench.Run(a)),
    };

    /// <summary>Runs a curated benchmark when <paramref name="args"/> names one; false leaves them to BenchmarkSwitcher.</summary>
    public static bool TryRun(string[] args, out int exitCode)
    {
        exitCode = 0;
        if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
        {
            Console.WriteLine("usage: ./oompa bench <what>   (or any BenchmarkDotNet arguments, e.g. --filter '*Fft*')");
            foreach (var (name, (help, _)) in Commands)
            {
                Console.WriteLine($"  {name,-12} {help}");
            }

            return true;
        }

        if (!Commands.TryGetValue(args[0], out var command))
        {
            if (args[0].StartsWith('-'))
            {
                return false;
            }

            Console.Error.WriteLine($"oompa bench: unknown benchmark '{args[0]}'; known: {string.Join(", ", Commands.Keys)}");
            exitCode = 2;
            return true;
        }

        // In-process: the baseline and the measured code run in the same process, one after the other.
        var job = Job.Default.WithWarmupCount(3).WithIterationCount(15).WithToolchain(InProcessEmitToolchain.Instance);
        var config = DefaultConfig.Instance
            .AddJob(job.AsDefault())
            .WithOptions(ConfigOptions.DisableLogFile | ConfigOptions.DisableOptimizationsValidator)
            .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "oompa-benchmarks"));
        try
        {
            command.Run(config, args[1..]).Write(Console.Out);
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine($"oompa bench {args[0]}: {e.Message}");
            exitCode = 1;
        }

        return true;
    }

    private static BenchReport RunFft(IConfig config)
    {
        var batch = new BenchResults(BenchmarkRunner.Run<FftOverheadBenchmarks>(config));
        var call = new BenchResults(BenchmarkRunner.Run<FftCallOverheadBenchmarks>(config));
        double direct = batch.MedianNs(nameof(FftOverheadBenchmarkBase.FftwDirect));
        double execute = batch.MedianNs(nameof(FftOverheadBenchmarkBase.AlgorithmExecute));
        double perCall = call.MedianNs(nameof(FftOverheadBenchmarkBase.AlgorithmExecute)) - call.MedianNs(nameof(FftOverheadBenchmarkBase.FftwDirect));
        double ratio = execute / direct;
        return new BenchReport("fft")
            .Line("transform", $"10 x 1024 x 1024 R2C out-of-place, {CpuDevice.Default.Threads} threads")
            .Line("FFTW plan, direct", Ms(direct))
            .Line("FourierTransform.Execute", Ms(execute))
            .Line("overhead ratio", string.Create(CultureInfo.InvariantCulture, $"{ratio:F3} (target <= 1.05)"))
            .Line("per-call overhead", string.Create(CultureInfo.InvariantCulture, $"{perCall / 1000:F2} us (64 x 64 transform)"))
            .Field("threads", CpuDevice.Default.Threads)
            .Field("fftw_direct_ms", direct / 1e6)
            .Field("execute_ms", execute / 1e6)
            .Field("fft_overhead_ratio", ratio)
            .Field("call_overhead_us", perCall / 1000);
    }

    private static string Ms(double ns) => string.Create(CultureInfo.InvariantCulture, $"{ns / 1e6:F2} ms (median)");
}
