using Microsoft.Extensions.Logging;
using Oompa.Algorithms.Correlation;
using Oompa.Algorithms.Extrema;
using Oompa.Algorithms.Fft;
using Oompa.Algorithms.FourierProcessing;
using Oompa.Core.Devices;
using Xcorr = Oompa.Algorithms.Correlation.Correlation;
using Processing = Oompa.Algorithms.FourierProcessing.FourierProcessing;

namespace Oompa.Samples.FlexAlign.Global;

/// <summary>
/// Creates the algorithms the pipeline uses. The pipeline never names a strategy: it asks this provider, which today
/// builds them over the CPU strategies of one <see cref="CpuDevice"/> (multi-threaded first).
/// </summary>
public sealed class AlgorithmProvider
{
    private readonly ILoggerFactory? loggers;

    /// <summary>Creates a provider over <paramref name="device"/>.</summary>
    public AlgorithmProvider(CpuDevice device, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(device);
        Device = device;
        loggers = loggerFactory;
    }

    /// <summary>The device the strategies run on.</summary>
    public CpuDevice Device { get; }

    /// <summary>A new FFT.</summary>
    public FourierTransform FourierTransform() => new(FourierTransformStrategies.Cpu(Device), loggers?.CreateLogger<FourierTransform>());

    /// <summary>A new Fourier processing (crop, filter, normalise).</summary>
    public Processing FourierProcessing() => new(FourierProcessingStrategies.Cpu(Device), loggers?.CreateLogger<Processing>());

    /// <summary>A new correlation.</summary>
    public Xcorr Correlation() => new(CorrelationStrategies.Cpu(Device), loggers?.CreateLogger<Xcorr>());

    /// <summary>A new extrema finder.</summary>
    public ExtremaFinder ExtremaFinder() => new(ExtremaFinderStrategies.Cpu(Device), loggers?.CreateLogger<ExtremaFinder>());

    /// <summary>A logger for pipeline classes.</summary>
    public ILogger Logger(string category) => loggers?.CreateLogger(category) ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
}
