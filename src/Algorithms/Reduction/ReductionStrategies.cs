using Oompa.Algorithms.Common;
using Oompa.Algorithms.Common.OpenCl;
using Oompa.Algorithms.Reduction.Cpu;
using Oompa.Algorithms.Reduction.OpenCl;
using Oompa.Core.Algorithms;
using Oompa.Core.Devices;
using Oompa.Core.Devices.OpenCl;

namespace Oompa.Algorithms.Reduction;

/// <summary>The strategies of <see cref="Reduction"/> per backend.</summary>
public static class ReductionStrategies
{
    /// <summary>Name of the multi-threaded CPU strategy.</summary>
    public const string CpuMultiThreaded = CpuStrategies.MultiThreaded;

    /// <summary>Name of the single-threaded CPU strategy (the numerical reference).</summary>
    public const string CpuSingleThreaded = CpuStrategies.SingleThreaded;

    /// <summary>The CPU strategies, multi-threaded first.</summary>
    public static IReadOnlyList<StrategyFactory<ReductionOutput, ReductionInput, ReductionSettings>> Cpu(CpuDevice device)
        => CpuStrategies.Pair(device, (name, cpu, multi) => new CpuReduction(name, cpu, multi));

    /// <summary>Name of the OpenCL strategy.</summary>
    public const string OpenClKernels = OpenClStrategies.Kernels;

    /// <summary>The OpenCL strategy on <paramref name="device"/>.</summary>
    public static IReadOnlyList<StrategyFactory<ReductionOutput, ReductionInput, ReductionSettings>> OpenCl(OpenClDevice device)
        => OpenClStrategies.Single(device, OpenClKernels, (n, d) => new OpenClReduction(n, d));
}
