using Oompa.Algorithms.Common;
using Oompa.Algorithms.Common.OpenCl;
using Oompa.Algorithms.Extrema.Cpu;
using Oompa.Algorithms.Extrema.OpenCl;
using Oompa.Core.Algorithms;
using Oompa.Core.Devices;
using Oompa.Core.Devices.OpenCl;

namespace Oompa.Algorithms.Extrema;

/// <summary>The strategies of <see cref="ExtremaFinder"/> per backend.</summary>
public static class ExtremaFinderStrategies
{
    /// <summary>Name of the multi-threaded CPU strategy.</summary>
    public const string CpuMultiThreaded = CpuStrategies.MultiThreaded;

    /// <summary>Name of the single-threaded CPU strategy (the numerical reference).</summary>
    public const string CpuSingleThreaded = CpuStrategies.SingleThreaded;

    /// <summary>The CPU strategies, multi-threaded first.</summary>
    public static IReadOnlyList<StrategyFactory<ExtremaOutput, ExtremaInput, ExtremaSettings>> Cpu(CpuDevice device)
        => CpuStrategies.Pair(device, (name, cpu, multi) => new CpuExtremaFinder(name, cpu, multi));

    /// <summary>Name of the OpenCL strategy.</summary>
    public const string OpenClKernels = OpenClStrategies.Kernels;

    /// <summary>The OpenCL strategy on <paramref name="device"/>.</summary>
    public static IReadOnlyList<StrategyFactory<ExtremaOutput, ExtremaInput, ExtremaSettings>> OpenCl(OpenClDevice device)
        => OpenClStrategies.Single(device, OpenClKernels, (n, d) => new OpenClExtremaFinder(n, d));
}
