using Oompa.Algorithms.Correlation;
using Oompa.Algorithms.Extrema;
using Oompa.Algorithms.Fft;
using Oompa.Algorithms.FourierProcessing;
using Oompa.Core.Algorithms;
using Oompa.Core.Devices;
using Oompa.Core.Devices.OpenCl;

namespace Oompa.Samples.FlexAlign.Global;

/// <summary>
/// The strategies of each algorithm the pipeline uses, for one device: a <see cref="CpuDevice"/> (a CPU worker's
/// cores) gets the CPU strategies, an <see cref="OpenClDevice"/> (an OpenCL worker, whose payloads are device replicas)
/// the OpenCL strategies of that device. Any other kind of device gets none, so the scheduled algorithm's Init masks
/// such workers with that reason instead of failing: a new backend adds its case here.
/// </summary>
public static class WorkerStrategies
{
    /// <summary>FFT strategies for <paramref name="device"/>.</summary>
    public static IReadOnlyList<StrategyFactory<FourierTransformOutput, FourierTransformInput, FourierTransformSettings>> FourierTransform(IDevice device) =>
        device switch
        {
            CpuDevice cpu => FourierTransformStrategies.Cpu(cpu),
            OpenClDevice cl => FourierTransformStrategies.OpenCl(cl),
            _ => [],
        };

    /// <summary>Fourier-processing strategies for <paramref name="device"/>.</summary>
    public static IReadOnlyList<StrategyFactory<FourierProcessingOutput, FourierProcessingInput, FourierProcessingSettings>> FourierProcessing(IDevice device) =>
        device switch
        {
            CpuDevice cpu => FourierProcessingStrategies.Cpu(cpu),
            OpenClDevice cl => FourierProcessingStrategies.OpenCl(cl),
            _ => [],
        };

    /// <summary>Correlation strategies for <paramref name="device"/>.</summary>
    public static IReadOnlyList<StrategyFactory<CorrelationOutput, CorrelationInput, CorrelationSettings>> Correlation(IDevice device) =>
        device switch
        {
            CpuDevice cpu => CorrelationStrategies.Cpu(cpu),
            OpenClDevice cl => CorrelationStrategies.OpenCl(cl),
            _ => [],
        };

    /// <summary>Extrema-finder strategies for <paramref name="device"/>.</summary>
    public static IReadOnlyList<StrategyFactory<ExtremaOutput, ExtremaInput, ExtremaSettings>> ExtremaFinder(IDevice device) =>
        device switch
        {
            CpuDevice cpu => ExtremaFinderStrategies.Cpu(cpu),
            OpenClDevice cl => ExtremaFinderStrategies.OpenCl(cl),
            _ => [],
        };
}
