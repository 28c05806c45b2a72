using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using Oompa.Algorithms.Extrema;
using Oompa.Algorithms.Initialization;
using Oompa.Algorithms.Reduction;
using Oompa.Core.Data;
using Oompa.Core.Devices;
using Oompa.Core.Memory;

namespace Oompa.Benchmarks.Elementwise;

/// <summary>
/// Effective bandwidth of the element-wise algorithms' <c>Cpu.MultiThreaded</c> strategies against a multi-threaded
/// copy of 64 MiB (the baseline: <see cref="CpuDevice.Threads"/> threads, 1 MiB chunks, <see cref="Buffer.MemoryCopy"/>).
/// Every <see cref="Case"/> runs the copy and then the algorithm, so each ratio compares two measurements taken one right
/// after the other (a shared machine's bandwidth drifts over minutes). Each setup allocates only its own buffers, fills
/// them with noise (which also maps every page before timing) and the cleanup releases them. Sizes and byte counts:
/// <see cref="ElementwiseCases"/>.
/// </summary>
[IterationTime(250)]
public partial class ElementwiseBenchmarks : IDisposable
{
    private const int CopyChunk = 1 << 20;
    private readonly List<IDisposable> owned = [];
    private Action execute = static () => { };
    private Action<int> copyChunk = static _ => { };
    private int copyChunks;
    private ParallelOptions options = new();

    /// <summary>The keys of <see cref="ElementwiseCases.All"/>.</summary>
    public static IEnumerable<string> Cases => ElementwiseCases.All.Select(c => c.Key);

    /// <summary>Which case <see cref="Algorithm"/> runs (a key of <see cref="ElementwiseCases.All"/>).</summary>
    [ParamsSource(nameof(Cases))]
    public string Case { get; set; } = "init_fill";

    private static CpuDevice Device => CpuDevice.Default;

    [GlobalSetup(Target = nameof(Copy))]
    public unsafe void SetupCopy()
    {
        var source = Real(ElementwiseCases.Signals, seed: 1);
        var destination = Real(ElementwiseCases.Signals, seed: 2);
        nint from = source.Payload.Physical.Pointer;
        nint to = destination.Payload.Physical.Pointer;
        long bytes = ElementwiseCases.CopyBytes;
        copyChunks = (int)((bytes + CopyChunk - 1) / CopyChunk);
        options = new ParallelOptions { MaxDegreeOfParallelism = Device.Threads };
        copyChunk = c =>
        {
            long offset = (long)c * CopyChunk;
            long length = Math.Min(CopyChunk, bytes - offset);
            Buffer.MemoryCopy((byte*)from + offset, (byte*)to + offset, length, length);
        };
    }

    [GlobalSetup(Target = nameof(Algorithm))]
    public void SetupAlgorithm()
    {
        switch (Case)
        {
            case "init_fill": SetupInitFill(); break;
            case "reduce_add": SetupReduction(ReductionSettings.PiecewiseAdd); break;
            case "reduce_sum": SetupReduction(new ReductionSettings(ReductionOperation.Sum)); break;
            case "extrema_max": SetupExtremaMax(); break;
            case "fourier_filter": SetupFourierFilter(); break;
            case "fourier_crop": SetupFourierCrop(); break;
            case "correlation": SetupCorrelation(); break;
            default: throw new InvalidOperationException($"Unknown element-wise case '{Case}'.");
        }
    }

    /// <summary>Baseline: copies 64 MiB in 1 MiB chunks on <see cref="CpuDevice.Threads"/> threads.</summary>
    [Benchmark(Baseline = true, Description = "copy")]
    public void Copy() => Parallel.For(0, copyChunks, options, copyChunk);

    /// <summary>One <c>Execute</c> of the algorithm that <see cref="Case"/> names.</summary>
    [Benchmark(Description = "algorithm")]
    public void Algorithm() => execute();

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var item in owned)
        {
            item.Dispose();
        }

        owned.Clear();
        execute = static () => { };
        copyChunk = static _ => { };
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

    private void SetupInitFill()
    {
        var data = Real(ElementwiseCases.Signals, seed: 3);
        var algorithm = Own(new Initialization(InitializationStrategies.Cpu(Device).Where(f => f.Name == InitializationStrategies.CpuMultiThreaded)));
        var output = new InitializationOutput(data.Payload);
        algorithm.Init(output, NoPayloads.Instance, new InitializationSettings(0.25)).ThrowIfFailed();
        execute = () => algorithm.Execute(output, NoPayloads.Instance);
    }

    private void SetupReduction(ReductionSettings settings)
    {
        var data = Real(ElementwiseCases.Signals, seed: 4);
        var layout = data.Payload.Descriptor;
        var algorithm = Own(new Reduction(ReductionStrategies.Cpu(Device).Where(f => f.Name == ReductionStrategies.CpuMultiThreaded)));
        ReductionOutput output;
        if (settings.IsPerSignal)
        {
            var values = Own(OwnedPayload<LogicalDescriptor>.Allocate(HostAllocator.Shared, Reduction.OutputDescriptor(layout, settings), DataType.Float32, "values"));
            output = ReductionOutput.PerSignal(values.Payload);
        }
        else
        {
            output = ReductionOutput.Accumulate(Real(ElementwiseCases.Signals, seed: 5).Payload);
        }

        var input = new ReductionInput(data.Payload);
        algorithm.Init(output, input, settings).ThrowIfFailed();
        execute = () => algorithm.Execute(output, input);
    }

    private void SetupExtremaMax()
    {
        var data = Real(ElementwiseCases.Signals, seed: 6);
        var layout = data.Payload.Descriptor;
        var values = Own(OwnedPayload<LogicalDescriptor>.Allocate(HostAllocator.Shared, ExtremaFinder.ValuesDescriptor(layout), DataType.Float32, "values"));
        var locations = Own(OwnedPayload<LogicalDescriptor>.Allocate(HostAllocator.Shared, ExtremaFinder.LocationsDescriptor(layout), DataType.Float32, "locations"));
        var algorithm = Own(new ExtremaFinder(ExtremaFinderStrategies.Cpu(Device).Where(f => f.Name == ExtremaFinderStrategies.CpuMultiThreaded)));
        var output = new ExtremaOutput(values.Payload, locations.Payload);
        var input = new ExtremaInput(data.Payload);
        algorithm.Init(output, input, new ExtremaSettings(ExtremaType.Max, SearchRegion.Entire, ExtremaResult.Both, ExtremaPrecision.Integer)).ThrowIfFailed();
        execute = () => algorithm.Execute(output, input);
    }

    // Payloads do not keep their memory alive: every OwnedPayload stays in 'owned' until the cleanup.
    private OwnedPayload<LogicalDescriptor> Real(Size size, int seed)
    {
        var payload = Own(OwnedPayload<LogicalDescriptor>.Allocate(HostAllocator.Shared, new LogicalDescriptor(size), DataType.Float32, "data"));
        Noise(payload.AsSpan<float>(), seed);
        return payload;
    }

    private OwnedPayload<FourierDescriptor> Spectrum(FourierDescriptor descriptor, int seed)
    {
        var payload = Own(OwnedPayload<FourierDescriptor>.Allocate(HostAllocator.Shared, descriptor, DataType.Complex32, "spectrum"));
        Noise(MemoryMarshal.Cast<ComplexF, float>(payload.AsSpan<ComplexF>()), seed);
        return payload;
    }

    private T Own<T>(T item)
        where T : IDisposable
    {
        owned.Add(item);
        return item;
    }

    /// <summary>Fills with uniform noise in [−0.5, 0.5), which also maps every page.</summary>
    private static void Noise(Span<float> data, int seed)
    {
        var random = new Random(seed);
        foreach (ref float v in data)
        {
            v = random.NextSingle() - 0.5f;
        }
    }
}
