using Oompa.Algorithms.Common;
using Oompa.Algorithms.Common.OpenCl;
using Oompa.Algorithms.Fft.Cpu;
using Oompa.Algorithms.Fft.OpenCl;
using Oompa.Core.Algorithms;
using Oompa.Core.Devices;
using Oompa.Core.Devices.OpenCl;

namespace Oompa.Algorithms.Fft;

/// <summary>The strategies of <see cref="FourierTransform"/> per backend.</summary>
public static class FourierTransformStrategies
{
    /// <summary>Name of the multi-threaded CPU strategy (FFTW with its threads library).</summary>
    public const string CpuMultiThreaded = CpuStrategies.MultiThreaded;

    /// <summary>Name of the single-threaded CPU strategy (the numerical reference).</summary>
    public const string CpuSingleThreaded = CpuStrategies.SingleThreaded;

    /// <summary>Name of the OpenCL strategy (clFFT; FFT has no kernel of Oompa's own to tune).</summary>
    public const string OpenClClFft = "OpenCl.ClFft";

    /// <summary>The CPU strategies, multi-threaded first.</summary>
    public static IReadOnlyList<StrategyFactory<FourierTransformOutput, FourierTransformInput, FourierTransformSettings>> Cpu(CpuDevice device)
        => CpuStrategies.Pair(device, (name, cpu, multi) => new CpuFourierTransform(name, cpu, multi));

    /// <summary>The OpenCL strategy on <paramref name="device"/>: clFFT plans baked once per device and shape.</summary>
    public static IReadOnlyList<StrategyFactory<FourierTransformOutput, FourierTransformInput, FourierTransformSettings>> OpenCl(OpenClDevice device)
        => OpenClStrategies.Single(device, OpenClClFft, (n, d) => new OpenClFourierTransform(n, d));
}
