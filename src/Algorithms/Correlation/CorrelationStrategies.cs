using Oompa.Algorithms.Common;
using Oompa.Algorithms.Correlation.Cpu;
using Oompa.Core.Algorithms;
using Oompa.Core.Devices;

namespace Oompa.Algorithms.Correlation;

/// <summary>The strategies of <see cref="Correlation"/> per backend.</summary>
public static class CorrelationStrategies
{
    /// <summary>Name of the multi-threaded CPU strategy.</summary>
    public const string CpuMultiThreaded = CpuStrategies.MultiThreaded;

    /// <summary>Name of the single-threaded CPU strategy (the numerical reference).</summary>
    public const string CpuSingleThreaded = CpuStrategies.SingleThreaded;

    /// <summary>The CPU strategies, multi-threaded first.</summary>
    public static IReadOnlyList<StrategyFactory<CorrelationOutput, CorrelationInput, CorrelationSettings>> Cpu(CpuDevice device)
        => CpuStrategies.Pair(device, (name, cpu, multi) => new CpuCorrelation(name, cpu, multi));
}
