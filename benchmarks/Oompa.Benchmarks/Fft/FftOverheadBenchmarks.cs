using BenchmarkDotNet.Attributes;
using Oompa.Algorithms.Fft;
using Oompa.Algorithms.Fft.Fftw;
using Oompa.Core.Data;
using Oompa.Core.Devices;
using Oompa.Core.Memory;

namespace Oompa.Benchmarks.Fft;

/// <summary>
/// What the <see cref="FourierTransform"/> algorithm costs on top of FFTW: a batch of 10 × 1024² real-to-complex
/// out-of-place transforms through <c>Execute</c> (payload checks, plan selection, execution) against the very same
/// cached FFTW plan executed directly (the baseline), multi-threaded with every core. Target ratio: at most 1.05.
/// </summary>
[SimpleJob(warmupCount: 2, iterationCount: 10)]
public class FftOverheadBenchmarks : IDisposable
{
    private OwnedPayload<FourierDescriptor>? image;
    private OwnedPayload<FourierDescriptor>? spectrum;
    private FourierTransform? fft;
    private FourierTransformInput? input;
    private FourierTransformOutput? output;
    private FftwPlanLease? lease;

    [GlobalSetup]
    public void Setup()
    {
        var size = new Size(1024, 1024, 1, 10);
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
            FftwKind.RealToComplex, Rank: 2, Nz: 1, Ny: 1024, Nx: 1024, HowMany: 10,
            InRowStride: 1024, InRows: 0, InDist: 1024 * 1024, OutRowStride: 513, OutRows: 0, OutDist: 513 * 1024,
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
