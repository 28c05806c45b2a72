using Microsoft.Extensions.Logging;
using Oompa.Algorithms.Correlation;
using Oompa.Algorithms.Extrema;
using Oompa.Algorithms.Fft;
using Oompa.Algorithms.FourierProcessing;
using Oompa.Core.Algorithms;
using Oompa.Core.Data;
using Oompa.Core.Devices;
using Oompa.Core.Devices.OpenCl;
using Oompa.Scheduler;
using Oompa.Scheduler.Algorithms;
using Oompa.Scheduler.Workers;
using Xcorr = Oompa.Algorithms.Correlation.Correlation;
using Processing = Oompa.Algorithms.FourierProcessing.FourierProcessing;

namespace Oompa.Samples.FlexAlign.Global;

/// <summary>
/// Creates the algorithms the pipeline uses. The pipeline never names a strategy or a backend: it asks this provider.
/// <list type="bullet">
/// <item><c>cpu</c>: the CPU strategies of one <see cref="CpuDevice"/> (multi-threaded first).</item>
/// <item><c>opencl</c>: the OpenCL strategies of one device first, then the CPU for any request they decline; the
/// pipeline's payloads are host memory, so OpenCL strategies stage them to the device and back per call.</item>
/// <item><c>auto</c> (<see cref="Scheduled"/>): every algorithm is a <see cref="ScheduledAlgorithm{TOut,TIn,TSettings}"/>
/// over a <see cref="TaskRuntime"/>: each call becomes a task that the runtime places on one of its workers, so
/// independent calls (batches of frames, blocks of pairs) run on several workers at once. Execute returns before the
/// work is done; the pipeline calls Synchronize before the host reads a result.</item>
/// </list>
/// Each algorithm logs its choice at debug level (<c>--verbose</c>).
/// </summary>
public sealed class AlgorithmProvider
{
    private readonly ILoggerFactory? loggers;
    private readonly TaskRuntime? runtime;

    /// <summary>Creates a provider over <paramref name="device"/>, with the OpenCL strategies of <paramref name="openCl"/> first when given.</summary>
    public AlgorithmProvider(CpuDevice device, ILoggerFactory? loggerFactory = null, OpenClDevice? openCl = null)
    {
        ArgumentNullException.ThrowIfNull(device);
        Device = device;
        OpenCl = openCl;
        loggers = loggerFactory;
    }

    private AlgorithmProvider(TaskRuntime runtime, CpuDevice host, ILoggerFactory? loggerFactory)
    {
        this.runtime = runtime;
        Device = host;
        loggers = loggerFactory;
    }

    /// <summary>
    /// The <c>auto</c> provider: algorithms run as tasks on every worker of <paramref name="runtime"/> (which the caller
    /// owns and disposes after the pipeline). <paramref name="host"/> runs the pipeline's own host loops (edge taper,
    /// phase ramps). Each worker gets its own algorithm instance from <see cref="WorkerStrategies"/>.
    /// </summary>
    public static AlgorithmProvider Scheduled(TaskRuntime runtime, CpuDevice host, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(host);
        return new AlgorithmProvider(runtime, host, loggerFactory);
    }

    /// <summary>The CPU that runs the CPU strategies (cpu, opencl) and the pipeline's own host loops (all backends).</summary>
    public CpuDevice Device { get; }

    /// <summary>The OpenCL device asked first, or null.</summary>
    public OpenClDevice? OpenCl { get; }

    /// <summary><c>auto</c> with a task runtime, <c>opencl</c> when an OpenCL device is asked first, else <c>cpu</c>.</summary>
    public string Backend => runtime is not null ? "auto" : OpenCl is null ? "cpu" : "opencl";

    /// <summary>
    /// How many calls can run at once: the runtime's worker count for <c>auto</c>, else 1 (calls run one after the
    /// other). The pipeline keeps this many sets of working buffers in flight.
    /// </summary>
    public int Concurrency => runtime?.Workers.Count ?? 1;

    /// <summary>The names of the workers the algorithms run on (for <c>cpu</c>/<c>opencl</c>: the devices).</summary>
    public IReadOnlyList<string> Workers => runtime is { } r
        ? [.. r.Workers.Select(w => w.ToString() ?? w.Name)]
        : OpenCl is { } cl ? [cl.Name, $"{Device.Name} ({Device.Threads} threads)"] : [$"{Device.Name} ({Device.Threads} threads)"];

    /// <summary>A new FFT.</summary>
    public IAlgorithm<FourierTransformOutput, FourierTransformInput, FourierTransformSettings> FourierTransform() =>
        Create(WorkerStrategies.FourierTransform, s => new FourierTransform(s, loggers?.CreateLogger<FourierTransform>()));

    /// <summary>A new Fourier processing (crop, filter, normalise).</summary>
    public IAlgorithm<FourierProcessingOutput, FourierProcessingInput, FourierProcessingSettings> FourierProcessing() =>
        Create(WorkerStrategies.FourierProcessing, s => new Processing(s, loggers?.CreateLogger<Processing>()));

    /// <summary>A new correlation.</summary>
    public IAlgorithm<CorrelationOutput, CorrelationInput, CorrelationSettings> Correlation() =>
        Create(WorkerStrategies.Correlation, s => new Xcorr(s, loggers?.CreateLogger<Xcorr>()));

    /// <summary>A new extrema finder.</summary>
    public IAlgorithm<ExtremaOutput, ExtremaInput, ExtremaSettings> ExtremaFinder() =>
        Create(WorkerStrategies.ExtremaFinder, s => new ExtremaFinder(s, loggers?.CreateLogger<ExtremaFinder>()));

    /// <summary>
    /// Declares that the host never reads or writes <paramref name="payload"/>'s memory directly: only algorithms of this
    /// provider do (correlation products, correlation maps). Under <c>auto</c> the runtime then keeps the data where the
    /// tasks wrote it instead of copying it home at every Synchronize (<see cref="TaskRuntime.MarkTransient"/>); the
    /// other backends have nothing to do.
    /// </summary>
    public void Transient(IPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        runtime?.MarkTransient(payload);
    }

    /// <summary>
    /// Ends the <see cref="Transient"/> declarations whose work is done, before their memory serves something else
    /// (under <c>auto</c>: <see cref="TaskRuntime.DropTransient"/>).
    /// </summary>
    public void EndTransient() => runtime?.DropTransient();

    /// <summary>A logger for pipeline classes.</summary>
    public ILogger Logger(string category) => loggers?.CreateLogger(category) ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    private IAlgorithm<TOut, TIn, TSettings> Create<TOut, TIn, TSettings>(
        Func<IDevice, IReadOnlyList<StrategyFactory<TOut, TIn, TSettings>>> strategies,
        Func<IEnumerable<StrategyFactory<TOut, TIn, TSettings>>, IAlgorithm<TOut, TIn, TSettings>> create)
        where TOut : PayloadWrapper
        where TIn : PayloadWrapper
        where TSettings : class
    {
        if (runtime is not null)
        {
            return new ScheduledAlgorithm<TOut, TIn, TSettings>(runtime, worker => create(strategies(worker.Device)));
        }

        var cpu = strategies(Device);
        return create(OpenCl is null ? cpu : strategies(OpenCl).Concat(cpu));
    }
}
