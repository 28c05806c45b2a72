using Microsoft.Extensions.Logging;
using Oompa.Algorithms.Fft;
using Oompa.Algorithms.FourierProcessing;
using Oompa.Algorithms.Reconstruction.Insertion;
using Oompa.Core.Algorithms;
using Oompa.Core.Data;
using Oompa.Core.Devices;
using Oompa.Core.Devices.OpenCl;
using Oompa.Scheduler;
using Oompa.Scheduler.Workers;
using Processing = Oompa.Algorithms.FourierProcessing.FourierProcessing;

namespace Oompa.Samples.FourierReconstruction.Pipeline;

/// <summary>
/// Creates the algorithms the reconstruction uses; the pipeline never names a strategy. Backends:
/// <list type="bullet">
/// <item><c>cpu</c>: the CPU strategies of one <see cref="CpuDevice"/> (multi-threaded first);</item>
/// <item><c>opencl</c>: the OpenCL strategies of one device first (insertion, FFT, processing), the CPU ones after for
/// what they decline; G and W live on the device for the whole run (see <see cref="DeviceAccumulators"/>);</item>
/// <item><c>auto</c>: every insertion batch is a task of a <see cref="TaskRuntime"/> (CPU workers and one OpenCL worker
/// per device), G and W reduction handles; preprocessing stays on the host with the CPU strategies.</item>
/// </list>
/// A provider made by <see cref="Create"/> owns its runtime; dispose it after the reconstruction.
/// </summary>
public sealed class AlgorithmProvider : IDisposable
{
    private readonly ILoggerFactory? loggers;
    private readonly bool ownsRuntime;

    /// <summary>Creates a provider over <paramref name="device"/>, with <paramref name="openCl"/> asked first when given.</summary>
    /// <param name="device">The CPU.</param>
    /// <param name="loggerFactory">Loggers for the algorithms' decisions.</param>
    /// <param name="openCl">The OpenCL device of backend <c>opencl</c>, or null.</param>
    /// <param name="deviceAccumulators">With <paramref name="openCl"/>: keep G and W on the device (true, the default) or in
    /// host payloads staged to the device and back by every insertion call (false; slower, kept to measure the difference).</param>
    public AlgorithmProvider(CpuDevice device, ILoggerFactory? loggerFactory = null, OpenClDevice? openCl = null, bool deviceAccumulators = true)
    {
        ArgumentNullException.ThrowIfNull(device);
        Device = device;
        OpenCl = openCl;
        DeviceAccumulators = openCl is not null && deviceAccumulators;
        loggers = loggerFactory;
    }

    /// <summary>Creates the <c>auto</c> provider: insertion as tasks of <paramref name="runtime"/> (not owned; dispose it yourself).</summary>
    public AlgorithmProvider(CpuDevice device, TaskRuntime runtime, ILoggerFactory? loggerFactory = null)
        : this(device, loggerFactory)
    {
        Runtime = runtime ?? throw new ArgumentNullException(nameof(runtime));
    }

    private AlgorithmProvider(CpuDevice device, TaskRuntime runtime, ILoggerFactory? loggerFactory, bool owns)
        : this(device, runtime, loggerFactory) => ownsRuntime = owns;

    /// <summary>The backends <see cref="Create"/> accepts.</summary>
    public static IReadOnlyList<string> Backends { get; } = ["cpu", "opencl", "auto"];

    /// <summary>The CPU the CPU strategies (and the pipeline's host loops) run on.</summary>
    public CpuDevice Device { get; }

    /// <summary>The OpenCL device asked first (backend <c>opencl</c>), or null.</summary>
    public OpenClDevice? OpenCl { get; }

    /// <summary>Whether G and W live on <see cref="OpenCl"/> for the whole run.</summary>
    public bool DeviceAccumulators { get; }

    /// <summary>The task runtime of backend <c>auto</c>, or null.</summary>
    public TaskRuntime? Runtime { get; }

    /// <summary><c>auto</c>, <c>opencl</c> or <c>cpu</c>.</summary>
    public string Backend => Runtime is not null ? "auto" : OpenCl is not null ? "opencl" : "cpu";

    /// <summary>
    /// The provider of <paramref name="backend"/>: <c>opencl</c> on <see cref="OpenClDevices.Default"/>; <c>auto</c> with a
    /// runtime of one CPU worker per thread of <paramref name="device"/> plus an OpenCL worker per GPU or accelerator of
    /// <see cref="OpenClDevices.Accelerators"/> (an OpenCL driver on the CPU, pocl, would only compete with the CPU
    /// workers for the same cores; pass <paramref name="runtimeOptions"/> built with
    /// <see cref="RuntimeOptions.WithOpenCl"/> to include it), policy <c>dmda</c> unless <paramref name="runtimeOptions"/> say otherwise.
    /// </summary>
    /// <exception cref="ArgumentException">The backend is not one of <see cref="Backends"/>.</exception>
    /// <exception cref="InvalidOperationException">Backend <c>opencl</c> without an OpenCL device (the message says why).</exception>
    public static AlgorithmProvider Create(string backend, CpuDevice device, ILoggerFactory? loggerFactory = null, RuntimeOptions? runtimeOptions = null)
    {
        ArgumentNullException.ThrowIfNull(device);
        switch (backend)
        {
            case "cpu":
                return new AlgorithmProvider(device, loggerFactory);
            case "opencl":
                return new AlgorithmProvider(device, loggerFactory, OpenClDevices.Require());
            case "auto":
                var options = (runtimeOptions ?? new RuntimeOptions { Workers = CpuWorker.Split(device.Threads) }).WithOpenCl(OpenClDevices.Accelerators);
                return new AlgorithmProvider(device, new TaskRuntime(options), loggerFactory, owns: true);
            default:
                throw new ArgumentException($"Backend '{backend}' is not available for reconstruction; available: {string.Join(", ", Backends)}.", nameof(backend));
        }
    }

    /// <summary>A new FFT.</summary>
    public FourierTransform FourierTransform() =>
        new(Ordered(FourierTransformStrategies.OpenCl, FourierTransformStrategies.Cpu(Device)), loggers?.CreateLogger<FourierTransform>());

    /// <summary>A new Fourier processing (crop, shift, maximum frequency).</summary>
    public Processing FourierProcessing() =>
        new(Ordered(FourierProcessingStrategies.OpenCl, FourierProcessingStrategies.Cpu(Device)), loggers?.CreateLogger<Processing>());

    /// <summary>A new insertion (backends <c>cpu</c> and <c>opencl</c>; under <c>auto</c> each worker gets its own).</summary>
    public FourierInsertion FourierInsertion() =>
        new(Ordered(FourierInsertionStrategies.OpenCl, FourierInsertionStrategies.Cpu(Device)), loggers?.CreateLogger<FourierInsertion>());

    /// <summary>The insertion a worker of <see cref="Runtime"/> runs: its own CPU cores or its own OpenCL device.</summary>
    public FourierInsertion FourierInsertion(IWorker worker) => worker switch
    {
        CpuWorker cpu => new(FourierInsertionStrategies.Cpu(cpu.Device), loggers?.CreateLogger<FourierInsertion>()),
        OpenClWorker gpu => new(FourierInsertionStrategies.OpenCl(gpu.Device), loggers?.CreateLogger<FourierInsertion>()),
        _ => throw new NotSupportedException($"Worker {worker} is neither a CPU nor an OpenCL worker."),
    };

    /// <inheritdoc />
    public void Dispose()
    {
        if (ownsRuntime)
        {
            Runtime?.Dispose();
        }
    }

    /// <summary>Where G and W accumulate for this backend.</summary>
    internal VolumeAccumulator Accumulator(FourierDescriptor spectra, int capacity, FourierInsertionSettings settings) =>
        Runtime is { } runtime ? new ScheduledAccumulator(runtime, FourierInsertion, spectra, capacity, settings)
        : new DirectAccumulator(FourierInsertion(), spectra, capacity, settings, DeviceAccumulators ? OpenCl : null);

    private IEnumerable<StrategyFactory<TOut, TIn, TSettings>> Ordered<TOut, TIn, TSettings>(
        Func<OpenClDevice, IReadOnlyList<StrategyFactory<TOut, TIn, TSettings>>> openCl,
        IReadOnlyList<StrategyFactory<TOut, TIn, TSettings>> cpu)
        where TOut : PayloadWrapper
        where TIn : PayloadWrapper => OpenCl is null ? cpu : openCl(OpenCl).Concat(cpu);
}
