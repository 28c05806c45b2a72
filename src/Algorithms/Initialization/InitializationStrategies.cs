using Oompa.Algorithms.Common;
using Oompa.Algorithms.Common.OpenCl;
using Oompa.Algorithms.Initialization.Cpu;
using Oompa.Algorithms.Initialization.OpenCl;
using Oompa.Core.Algorithms;
using Oompa.Core.Data;
using Oompa.Core.Devices;
using Oompa.Core.Devices.OpenCl;

namespace Oompa.Algorithms.Initialization;

/// <summary>The strategies of <see cref="Initialization"/> per backend.</summary>
public static class InitializationStrategies
{
    /// <summary>Name of the multi-threaded CPU strategy.</summary>
    public const string CpuMultiThreaded = CpuStrategies.MultiThreaded;

    /// <summary>Name of the single-threaded CPU strategy (the numerical reference).</summary>
    public const string CpuSingleThreaded = CpuStrategies.SingleThreaded;

    /// <summary>The CPU strategies, multi-threaded first.</summary>
    public static IReadOnlyList<StrategyFactory<InitializationOutput, NoPayloads, InitializationSettings>> Cpu(CpuDevice device)
        => CpuStrategies.Pair(device, (name, cpu, multi) => new CpuInitialization(name, cpu, multi));

    /// <summary>Name of the OpenCL strategy.</summary>
    public const string OpenClKernels = OpenClStrategies.Kernels;

    /// <summary>The OpenCL strategy on <paramref name="device"/>.</summary>
    public static IReadOnlyList<StrategyFactory<InitializationOutput, NoPayloads, InitializationSettings>> OpenCl(OpenClDevice device)
        => OpenClStrategies.Single(device, OpenClKernels, (n, d) => new OpenClInitialization(n, d));
}
