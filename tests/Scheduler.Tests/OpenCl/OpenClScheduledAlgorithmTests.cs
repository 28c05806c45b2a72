using System.Runtime.InteropServices;
using Oompa.Algorithms.Fft;
using Oompa.Algorithms.Reduction;
using Oompa.Core.Algorithms;
using Oompa.Core.Data;
using Oompa.Core.Devices;
using Oompa.Core.Memory;
using Oompa.Scheduler.Algorithms;
using Oompa.Scheduler.Tests.Support;
using Oompa.Scheduler.Tests.Support.OpenCl;
using Oompa.Scheduler.Workers;

namespace Oompa.Scheduler.Tests.OpenCl;

/// <summary>
/// Real algorithms of Oompa.Algorithms with CPU and OpenCL strategies through <see cref="ScheduledAlgorithm{TOut, TIn, TSettings}"/>
/// on CPU workers and the OpenCL worker: the same main loop gives the CPU-only results, and a kind of worker whose Init
/// declines is masked with the strategy's reason.
/// </summary>
public sealed class OpenClScheduledAlgorithmTests(OpenClTestDevice fixture) : IClassFixture<OpenClTestDevice>
{
    private const int Frames = 24;
    private const int Sums = 4;

    [OpenClFact]
    public void Reduction_on_cpu_and_opencl_workers_equals_the_cpu_only_run()
    {
        var size = new Size(64, 8);
        var expected = Accumulate(new Reduction(ReductionStrategies.Cpu(new CpuDevice(1))), size);
        float[][] actual = [];
        IReadOnlyList<WorkerMask> masks = [];
        Oompa.Scheduler.Tracing.RuntimeSummary? summary = null;
        TestRuntimes.WithinTimeout(() =>
        {
            using var runtime = new TaskRuntime(OpenClRuntimes.Options(fixture.Device, "dmda", cpus: 2));
            using (var scheduled = new ScheduledAlgorithm<ReductionOutput, ReductionInput, ReductionSettings>(
                runtime,
                w => new Reduction(w switch
                {
                    CpuWorker cpu => ReductionStrategies.Cpu(cpu.Device),
                    OpenClWorker gpu => ReductionStrategies.OpenCl(gpu.Device),
                    _ => [],
                }),
                new ScheduledAlgorithmOptions { ReadWriteMembers = new HashSet<string>([nameof(ReductionOutput.Data)], StringComparer.Ordinal) }))
            {
                actual = Accumulate(scheduled, size);
                masks = scheduled.Masks;
                Assert.Contains($"{ReductionStrategies.OpenClKernels} on {fixture.Device.Identity}", scheduled.StrategyName, StringComparison.Ordinal);
            }

            summary = runtime.Summary();
        });

        Assert.Empty(masks);
        Assert.Equal(expected, actual);   // PiecewiseAdd is one IEEE addition per element on both backends
        Assert.Contains(summary!.Workers, w => w.Name == "opencl0" && w.Tasks > 0);
        Assert.Contains(summary.Workers, w => w.Name.StartsWith("cpu", StringComparison.Ordinal) && w.Tasks > 0);
        fixture.AssertReleased();
    }

    [OpenClFact]
    public void An_fft_length_clfft_declines_masks_the_opencl_worker_with_the_reason_and_runs_on_the_cpus()
    {
        // 17 has a prime factor clFFT cannot do; FFTW can.
        var spatial = FourierDescriptor.ForSpatial(new Size(17, 6));
        var expected = Transform(new FourierTransform(FourierTransformStrategies.Cpu(new CpuDevice(1))), spatial);
        float[][] actual = [];
        WorkerMask? mask = null;
        Oompa.Scheduler.Tracing.RuntimeSummary? summary = null;
        TestRuntimes.WithinTimeout(() =>
        {
            using var runtime = new TaskRuntime(OpenClRuntimes.Options(fixture.Device, "dmda", cpus: 2));
            using (var scheduled = new ScheduledAlgorithm<FourierTransformOutput, FourierTransformInput, FourierTransformSettings>(
                runtime,
                w => new FourierTransform(w switch
                {
                    CpuWorker cpu => FourierTransformStrategies.Cpu(cpu.Device),
                    OpenClWorker gpu => FourierTransformStrategies.OpenCl(gpu.Device),
                    _ => [],
                })))
            {
                actual = Transform(scheduled, spatial);
                mask = Assert.Single(scheduled.Masks);
            }

            summary = runtime.Summary();
        });

        Assert.Equal(["opencl0"], mask!.Workers);
        Assert.Equal(fixture.Device.Identity, mask.Architecture);
        Assert.Contains("prime factor 17", mask.ToString(), StringComparison.Ordinal);
        Assert.Contains(summary!.Workers, w => w.Name == "opencl0" && w.Tasks == 0);
        Assert.Equal(expected, actual);
        fixture.AssertReleased();
    }

    /// <summary>The main loop: frame f is added into sum f mod <see cref="Sums"/>; written against the contract only.</summary>
    private static float[][] Accumulate(IAlgorithm<ReductionOutput, ReductionInput, ReductionSettings> algorithm, Size size)
    {
        var descriptor = new LogicalDescriptor(size);
        var frames = Enumerable.Range(0, Frames).Select(f => Allocate(descriptor, DataType.Float32, $"frame{f}", f)).ToArray();
        var sums = Enumerable.Range(0, Sums).Select(s => Allocate(descriptor, DataType.Float32, $"sum{s}", -1 - s)).ToArray();
        try
        {
            algorithm.Init(ReductionOutput.Accumulate(sums[0].Payload.WithoutData()), new ReductionInput(frames[0].Payload.WithoutData()), ReductionSettings.PiecewiseAdd).ThrowIfFailed();
            for (int f = 0; f < Frames; f++)
            {
                algorithm.Execute(ReductionOutput.Accumulate(sums[f % Sums].Payload), new ReductionInput(frames[f].Payload));
            }

            algorithm.Synchronize();
            return [.. sums.Select(s => s.AsSpan<float>().ToArray())];
        }
        finally
        {
            Dispose(frames.Concat(sums));
        }
    }

    private static float[][] Transform(IAlgorithm<FourierTransformOutput, FourierTransformInput, FourierTransformSettings> algorithm, FourierDescriptor spatial)
    {
        var settings = FourierTransformSettings.Forward;
        var frequency = FourierTransform.OutputDescriptor(spatial, settings);
        var inputs = Enumerable.Range(0, 6).Select(f => Allocate(spatial, DataType.Float32, $"image{f}", f)).ToArray();
        var outputs = Enumerable.Range(0, 6).Select(f => Allocate(frequency, DataType.Complex32, $"spectrum{f}", null)).ToArray();
        try
        {
            algorithm.Init(new FourierTransformOutput(outputs[0].Payload.WithoutData()), new FourierTransformInput(inputs[0].Payload.WithoutData()), settings).ThrowIfFailed();
            for (int f = 0; f < inputs.Length; f++)
            {
                algorithm.Execute(new FourierTransformOutput(outputs[f].Payload), new FourierTransformInput(inputs[f].Payload));
            }

            algorithm.Synchronize();
            return [.. outputs.Select(o => MemoryMarshal.Cast<ComplexF, float>(o.AsSpan<ComplexF>()).ToArray())];
        }
        finally
        {
            Dispose(inputs.Concat(outputs));
        }
    }

    private static OwnedPayload<T> Allocate<T>(T descriptor, DataType type, string name, int? seed)
        where T : class, ILogicalDescriptor
    {
        var payload = OwnedPayload<T>.Allocate(HostAllocator.Shared, descriptor, type, name, new AllocationOptions(Zeroed: true));
        if (seed is { } s)
        {
            var random = new Random(s + 1000);
            var span = payload.AsSpan<float>();
            for (int i = 0; i < span.Length; i++)
            {
                span[i] = (float)((random.NextDouble() * 2) - 1);
            }
        }

        return payload;
    }

    private static void Dispose<T>(IEnumerable<OwnedPayload<T>> payloads)
        where T : class, ILogicalDescriptor
    {
        foreach (var p in payloads)
        {
            p.Dispose();
        }
    }
}
