using Oompa.Algorithms.Common;
using BenchmarkDotNet.Attributes;
using Oompa.Algorithms.Fft;
using Oompa.Algorithms.Fft.Fftw;
using Oompa.Core.Data;
using Oompa.Core.Devices;
using Oompa.Core.Memory;

namespace Oompa.Benchmarks.Fft;

/// <summary>
/// What the <see cref="FourierTransform"/> algorithm costs on top of FFTW for a batch of 2D real-to-complex
/// out-of-place transforms: <c>Execute</c> (payload checks, plan selection, execution) against the very same cached
/// FFTW plan executed directly (the baseline), multi-threaded with every core.
/// </summary>
public abstract class FftOverheadBenchmarkBase : IDisposable
{
    private OwnedPayload<FourierDescriptor>? image;
    private OwnedPayload<FourierDescriptor>? spectrum;
    private FourierTransform? fft;
    private FourierTransformInput? input;
    private FourierTransformOutput? output;
    private PlanLease<FftwPlanKey, FftwPlan>? lease;

    /// <summary>The batch to transform (2D: Y &gt; 1, Z = 1).</summary>
    protected abstract Size Size { get; }

    [GlobalSetup]
    public void Setup()
    {
        var size = Size;
        int hx = (size.X / 2) + 1;
        var settings = FourierTransformSettings.Forward;
        var spatial = FourierDescriptor.ForSpatial(size);
        var frequency = FourierTransform.OutputDescriptor(spatial, settings);
        image = OwnedPayload<FourierDescriptor>.Allocate(HostAllocator.Shared, spatial, DataType.Float32, "image");
        spectrum = OwnedPayload<FourierDescriptor>.Allocate(HostAllocator.Shared, frequency, DataType.Complex32, "spectrum");
        var random = new Random(42);
        foreach (ref float v in image.AsSpan<float>())
        {
            v = random.NextSingle() - 0.5f;
        }

        input = new FourierTransformInput(image.Payload);
        output = new FourierTransformOutput(spectrum.Payload);
        var device = CpuDevice.Default;
        fft = new FourierTransform(FourierTransformStrategies.Cpu(device).Where(f => f.Name == FourierTransformStrategies.CpuMultiThreaded));
        fft.Init(output, input, settings).ThrowIfFailed();

        // The key the strategy planned with; acquiring it must hit the cache, which proves both sides run one plan.
        var key = new FftwPlanKey(
            FftwKind.RealToComplex, Rank: 2, Nz: 1, Ny: size.Y, Nx: size.X, HowMany: size.N,
            InRowStride: size.X, InRows: 0, InDist: size.X * size.Y, OutRowStride: hx, OutRows: 0, OutDist: hx * size.Y,
            InPlace: false,
            InAlignment: FftwPlanner.AlignmentOf(image.Payload.Physical.Pointer),
            OutAlignment: FftwPlanner.AlignmentOf(spectrum.Payload.Physical.Pointer),
            Threads: device.Threads,
            Flags: FftwFlags.Estimate);
        long planned = FftwPlanner.PlansCreated;
        lease = FftwPlanCache.Shared.Acquire(key) ?? throw new InvalidOperationException("FFTW could not plan the baseline.");
        if (FftwPlanner.PlansCreated != planned)
        {
            throw new InvalidOperationException("The baseline plan is not the one the algorithm uses.");
        }
    }

    [Benchmark(Baseline = true, Description = "FFTW plan, direct")]
    public unsafe void FftwDirect() =>
        FftwNative.fftwf_execute_dft_r2c(lease!.Plan, (float*)image!.Payload.Physical.Pointer, (ComplexF*)spectrum!.Payload.Physical.Pointer);

    [Benchmark(Description = "FourierTransform.Execute")]
    public void AlgorithmExecute() => fft!.Execute(output!, input!);

    [GlobalCleanup]
    public void Cleanup()
    {
        lease?.Dispose();
        fft?.Dispose();
        image?.Dispose();
        spectrum?.Dispose();
        (lease, fft, image, spectrum) = (null, null, null, null);
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Cleanup();
        }
    }
}
