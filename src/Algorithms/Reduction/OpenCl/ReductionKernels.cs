using Oompa.Algorithms.Common.OpenCl;
using Oompa.Tuning.Spaces;

namespace Oompa.Algorithms.Reduction.OpenCl;

/// <summary>The OpenCL programs of <see cref="Reduction"/>.</summary>
public static class ReductionKernels
{
    /// <summary>
    /// <c>reduction_piecewise.cl</c>: out += in over rows of scalars (a contiguous layout is one row). Tuning parameters:
    /// <c>WG_SIZE</c> (work-items per group), <c>ITEMS</c> (vectors per work-item, strided by the group so accesses
    /// stay coalesced) and <c>VECTOR</c> (scalars per load and store: 1, 2 or 4).
    /// </summary>
    public static OpenClKernelDefinition PiecewiseAdd { get; } = new(
        "Reduction.PiecewiseAdd",
        "reduction_piecewise.cl",
        new TuningSpace(
        [
            new TuningParameter("WG_SIZE", [32, 64, 128, 256], 128),
            new TuningParameter("ITEMS", [1, 2, 4, 8], 2),
            new TuningParameter("VECTOR", [1, 2, 4], 4),
        ]));

    /// <summary>
    /// <c>reduction_statistics.cl</c>: <c>statistics_partial</c> (work-groups reduce contiguous chunks of each signal by a
    /// tree reduction in local memory) and <c>statistics_combine</c> (one work-group per signal combines its chunks).
    /// Tuning parameters: <c>WG_SIZE</c> (work-items per group, a power of two) and <c>ITEMS</c> (elements each
    /// work-item loads per round, strided by the group size).
    /// </summary>
    public static OpenClKernelDefinition Statistics { get; } = new(
        "Reduction.Statistics",
        "reduction_statistics.cl",
        new TuningSpace(
        [
            new TuningParameter("WG_SIZE", [32, 64, 128, 256], 128),
            new TuningParameter("ITEMS", [1, 2, 4, 8], 4),
        ]));
}
