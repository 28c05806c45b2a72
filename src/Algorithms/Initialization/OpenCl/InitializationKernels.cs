using Oompa.Algorithms.Common.OpenCl;
using Oompa.Tuning.Spaces;

namespace Oompa.Algorithms.Initialization.OpenCl;

/// <summary>The OpenCL programs of <see cref="Initialization"/>.</summary>
public static class InitializationKernels
{
    /// <summary>
    /// <c>fill.cl</c>: one row of work-groups per logical row. Tuning parameters: <c>WG_SIZE</c> (work-items per group)
    /// and <c>ITEMS</c> (elements per work-item, strided by the group size so accesses stay coalesced).
    /// </summary>
    public static OpenClKernelDefinition Fill { get; } = new(
        "Initialization.Fill",
        "fill.cl",
        new TuningSpace(
        [
            new TuningParameter("WG_SIZE", [32, 64, 128, 256], 64),
            new TuningParameter("ITEMS", [1, 2, 4, 8], 1),
        ]));
}
