using Oompa.Algorithms.Common;
using Oompa.Algorithms.Common.OpenCl;
using Oompa.Algorithms.Reconstruction.Insertion.Cpu;
using Oompa.Algorithms.Reconstruction.Insertion.OpenCl;
using Oompa.Core.Algorithms;
using Oompa.Core.Devices;
using Oompa.Core.Devices.OpenCl;

namespace Oompa.Algorithms.Reconstruction.Insertion;

/// <summary>The strategies of <see cref="FourierInsertion"/> per backend.</summary>
public static class FourierInsertionStrategies
{
    /// <summary>Name of the multi-threaded CPU strategy.</summary>
    public const string CpuMultiThreaded = CpuStrategies.MultiThreaded;

    /// <summary>Name of the single-threaded CPU strategy (the numerical reference).</summary>
    public const string CpuSingleThreaded = CpuStrategies.SingleThreaded;

    /// <summary>
    /// The CPU strategies, multi-threaded first. Both apply the spaces in order and, within a space, split the traverse
    /// plane's lines between threads: every line writes its own voxels, so results are deterministic and equal for both.
    /// </summary>
    public static IReadOnlyList<StrategyFactory<FourierInsertionOutput, FourierInsertionInput, FourierInsertionSettings>> Cpu(CpuDevice device)
        => CpuStrategies.Pair(device, (name, cpu, multi) => new CpuFourierInsertion(name, cpu, multi));

    /// <summary>
    /// The OpenCL gather strategy on <paramref name="device"/>, named <see cref="OpenClStrategies.Kernels"/>: one
    /// work-item per position of each space's traverse plane, tunable (see <see cref="FourierInsertionKernels"/>).
    /// </summary>
    public static IReadOnlyList<StrategyFactory<FourierInsertionOutput, FourierInsertionInput, FourierInsertionSettings>> OpenCl(OpenClDevice device)
        => OpenClStrategies.Single(device, OpenClStrategies.Kernels, (n, d) => new OpenClFourierInsertion(n, d));
}
