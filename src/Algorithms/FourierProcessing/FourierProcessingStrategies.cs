using Oompa.Algorithms.Common;
using Oompa.Algorithms.Common.OpenCl;
using Oompa.Algorithms.FourierProcessing.Cpu;
using Oompa.Algorithms.FourierProcessing.OpenCl;
using Oompa.Core.Algorithms;
using Oompa.Core.Devices;
using Oompa.Core.Devices.OpenCl;

namespace Oompa.Algorithms.FourierProcessing;

/// <summary>The strategies of <see cref="FourierProcessing"/> per backend.</summary>
public static class FourierProcessingStrategies
{
    /// <summary>Name of the multi-threaded CPU strategy.</summary>
    public const string CpuMultiThreaded = CpuStrategies.MultiThreaded;

    /// <summary>Name of the single-threaded CPU strategy (the numerical reference).</summary>
    public const string CpuSingleThreaded = CpuStrategies.SingleThreaded;

    /// <summary>Name of the OpenCL strategy.</summary>
    public const string OpenClKernels = OpenClStrategies.Kernels;

    /// <summary>The CPU strategies, multi-threaded first.</summary>
    public static IReadOnlyList<StrategyFactory<FourierProcessingOutput, FourierProcessingInput, FourierProcessingSettings>> Cpu(CpuDevice device)
        => CpuStrategies.Pair(device, (name, cpu, multi) => new CpuFourierProcessing(name, cpu, multi));

    /// <summary>The OpenCL strategy on <paramref name="device"/>.</summary>
    public static IReadOnlyList<StrategyFactory<FourierProcessingOutput, FourierProcessingInput, FourierProcessingSettings>> OpenCl(OpenClDevice device)
        => OpenClStrategies.Single(device, OpenClKernels, (n, d) => new OpenClFourierProcessing(n, d));
}
