using Oompa.Algorithms.Extrema.Cpu;
using Oompa.Core.Algorithms;
using Oompa.Core.Devices;

namespace Oompa.Algorithms.Extrema;

/// <summary>The strategies of <see cref="ExtremaFinder"/> per backend.</summary>
public static class ExtremaFinderStrategies
{
    /// <summary>Name of the multi-threaded CPU strategy.</summary>
    public const string CpuMultiThreaded = "Cpu.MultiThreaded";

    /// <summary>Name of the single-threaded CPU strategy (the numerical reference).</summary>
    public const string CpuSingleThreaded = "Cpu.SingleThreaded";

    /// <summary>The CPU strategies, multi-threaded first.</summary>
    public static IReadOnlyList<StrategyFactory<ExtremaOutput, ExtremaInput, ExtremaSettings>> Cpu(CpuDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        return
        [
            new(CpuMultiThreaded, () => new CpuExtremaFinder(CpuMultiThreaded, device, multiThreaded: true)),
            new(CpuSingleThreaded, () => new CpuExtremaFinder(CpuSingleThreaded, device, multiThreaded: false)),
        ];
    }
}
