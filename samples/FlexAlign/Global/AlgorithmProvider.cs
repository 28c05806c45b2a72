using Microsoft.Extensions.Logging;
using Oompa.Algorithms.Correlation;
using Oompa.Algorithms.Extrema;
using Oompa.Algorithms.Fft;
using Oompa.Algorithms.FourierProcessing;
using Oompa.Core.Algorithms;
using Oompa.Core.Data;
using Oompa.Core.Devices;
using Oompa.Core.Devices.OpenCl;
using Xcorr = Oompa.Algorithms.Correlation.Correlation;
using Processing = Oompa.Algorithms.FourierProcessing.FourierProcessing;

namespace Oompa.Samples.FlexAlign.Global;

/// <summary>
/// Creates the algorithms the pipeline uses. The pipeline never names a strategy: it asks this provider, which builds
/// them over the CPU strategies of one <see cref="CpuDevice"/> (multi-threaded first), preceded by the OpenCL strategies
/// of one device when one is given. The pipeline's payloads are host memory, so OpenCL strategies stage them to the
/// device and back per call; a request an OpenCL strategy declines (say, an FFT length clFFT cannot do) falls back
/// to the CPU (each algorithm logs its choice at debug level, <c>--verbose</c>).
/// </summary>
public sealed class AlgorithmProvider
{
    private readonly ILoggerFactory? loggers;

    /// <summary>Creates a provider over <paramref name="device"/>.</summary>
    public AlgorithmProvider(CpuDevice device, ILoggerFactory? loggerFactory = null, OpenClDevice? openCl = null)
    {
        ArgumentNullException.ThrowIfNull(device);
        Device = device;
        OpenCl = openCl;
        loggers = loggerFactory;
    }

    /// <summary>The CPU the CPU strategies (and the pipeline's own host loops) run on.</summary>
    public CpuDevice Device { get; }

    /// <summary>The OpenCL device asked first, or null for the CPU alone.</summary>
    public OpenClDevice? OpenCl { get; }

    /// <summary><c>opencl</c> when an OpenCL device is asked first, else <c>cpu</c>.</summary>
    public string Backend => OpenCl is null ? "cpu" : "opencl";

    /// <summary>A new FFT.</summary>
    public FourierTransform FourierTransform() =>
        new(Ordered(FourierTransformStrategies.OpenCl, FourierTransformStrategies.Cpu(Device)), loggers?.CreateLogger<FourierTransform>());

    /// <summary>A new Fourier processing (crop, filter, normalise).</summary>
    public Processing FourierProcessing() =>
        new(Ordered(FourierProcessingStrategies.OpenCl, FourierProcessingStrategies.Cpu(Device)), loggers?.CreateLogger<Processing>());

    /// <summary>A new correlation.</summary>
    public Xcorr Correlation() => new(Ordered(CorrelationStrategies.OpenCl, CorrelationStrategies.Cpu(Device)), loggers?.CreateLogger<Xcorr>());

    /// <summary>A new extrema finder.</summary>
    public ExtremaFinder ExtremaFinder() =>
        new(Ordered(ExtremaFinderStrategies.OpenCl, ExtremaFinderStrategies.Cpu(Device)), loggers?.CreateLogger<ExtremaFinder>());

    private IEnumerable<StrategyFactory<TOut, TIn, TSettings>> Ordered<TOut, TIn, TSettings>(
        Func<OpenClDevice, IReadOnlyList<StrategyFactory<TOut, TIn, TSettings>>> openCl,
        IReadOnlyList<StrategyFactory<TOut, TIn, TSettings>> cpu)
        where TOut : PayloadWrapper
        where TIn : PayloadWrapper => OpenCl is null ? cpu : openCl(OpenCl).Concat(cpu);

    /// <summary>A logger for pipeline classes.</summary>
    public ILogger Logger(string category) => loggers?.CreateLogger(category) ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
}
