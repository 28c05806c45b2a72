using Oompa.Core.Algorithms;
using Oompa.Core.Data;
using Oompa.Core.Devices.OpenCl;

namespace Oompa.Algorithms.Common.OpenCl;

/// <summary>The naming every algorithm's OpenCL strategies share.</summary>
public static class OpenClStrategies
{
    /// <summary>Name of an algorithm's OpenCL kernel strategy.</summary>
    public const string Kernels = "OpenCl.Kernels";

    /// <summary>The factory of one OpenCL strategy named <paramref name="name"/> on <paramref name="device"/>.</summary>
    /// <param name="device">The device the strategy runs on.</param>
    /// <param name="name">The strategy's name.</param>
    /// <param name="create">Creates a strategy from its name and the device.</param>
    public static IReadOnlyList<StrategyFactory<TOut, TIn, TSettings>> Single<TOut, TIn, TSettings>(
        OpenClDevice device,
        string name,
        Func<string, OpenClDevice, IStrategy<TOut, TIn, TSettings>> create)
        where TOut : PayloadWrapper
        where TIn : PayloadWrapper
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(create);
        return [new(name, () => create(name, device))];
    }
}
