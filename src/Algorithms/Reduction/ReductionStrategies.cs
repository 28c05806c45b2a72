using Oompa.Algorithms.Reduction.Cpu;
using Oompa.Core.Algorithms;
using Oompa.Core.Devices;

namespace Oompa.Algorithms.Reduction;

/// <summary>The strategies of <see cref="Reduction"/> per backend.</summary>
public static class ReductionStrategies
{
    /// <summary>Name of the multi-threaded CPU strategy.</summary>
    public const string CpuMultiThreaded = "Cpu.MultiThreaded";

    /// <summary>Name of the single-threaded CPU strategy (the numerical reference).</summary>
    public const string CpuSingleThreaded = "Cpu.SingleThreaded";

    /// <summary>The CPU strategies, multi-threaded first.</summary>
    public static IReadOnlyList<StrategyFactory<ReductionOutput, ReductionInput, ReductionSettings>> Cpu(CpuDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        return
        [
            new(CpuMultiThreaded, () => new CpuReduction(CpuMultiThreaded, device, multiThreaded: true)),
            new(CpuSingleThreaded, () => new CpuReduction(CpuSingleThreaded, device, multiThreaded: false)),
        ];
    }
}
