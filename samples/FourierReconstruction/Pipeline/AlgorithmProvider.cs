using Microsoft.Extensions.Logging;
using Oompa.Algorithms.Fft;
using Oompa.Algorithms.FourierProcessing;
using Oompa.Algorithms.Reconstruction.Insertion;
using Oompa.Core.Devices;
using Processing = Oompa.Algorithms.FourierProcessing.FourierProcessing;

namespace Oompa.Samples.FourierReconstruction.Pipeline;

/// <summary>
/// Creates the algorithms the reconstruction uses. The pipeline never names a strategy: it asks this provider, which
/// builds them over the CPU strategies of one <see cref="CpuDevice"/> (multi-threaded first). The OpenCL insertion
/// kernel and the scheduler integration will add backends here; until then the only backend is <c>cpu</c>.
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

    /// <summary>The backends this provider can build, for messages.</summary>
    public static IReadOnlyList<string> Backends { get; } = ["cpu"];

    /// <summary>The CPU the strategies run on.</summary>
    public CpuDevice Device { get; }

    /// <summary>The backend name: <c>cpu</c>.</summary>
    public string Backend => "cpu";

    /// <summary>A new FFT.</summary>
    public FourierTransform FourierTransform() => new(FourierTransformStrategies.Cpu(Device), loggers?.CreateLogger<FourierTransform>());

    /// <summary>A new Fourier processing (crop, shift, maximum frequency).</summary>
    public Processing FourierProcessing() => new(FourierProcessingStrategies.Cpu(Device), loggers?.CreateLogger<Processing>());

    /// <summary>A new insertion.</summary>
    public FourierInsertion FourierInsertion() => new(FourierInsertionStrategies.Cpu(Device), loggers?.CreateLogger<FourierInsertion>());
}
