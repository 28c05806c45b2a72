using Oompa.Core.Algorithms;
using Oompa.Core.Data;
using Oompa.Core.Devices;

namespace Oompa.Algorithms.Common;

/// <summary>The naming and ordering every algorithm's CPU strategies share.</summary>
public static class CpuStrategies
{
    /// <summary>Name of a multi-threaded CPU strategy.</summary>
    public const string MultiThreaded = "Cpu.MultiThreaded";

    /// <summary>Name of a single-threaded CPU strategy (the numerical reference).</summary>
    public const string SingleThreaded = "Cpu.SingleThreaded";

    /// <summary>Factories for the multi-threaded then the single-threaded variant of one CPU strategy class.</summary>
    /// <param name="device">The CPU the strategies run on.</param>
    /// <param name="create">Creates a strategy from its name, the device and whether it may use several threads.</param>
    public static IReadOnlyList<StrategyFactory<TOut, TIn, TSettings>> Pair<TOut, TIn, TSettings>(
        CpuDevice device,
        Func<string, CpuDevice, bool, IStrategy<TOut, TIn, TSettings>> create)
        where TOut : PayloadWrapper
        where TIn : PayloadWrapper
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(create);
        return
        [
            new(MultiThreaded, () => create(MultiThreaded, device, true)),
            new(SingleThreaded, () => create(SingleThreaded, device, false)),
        ];
    }
}
