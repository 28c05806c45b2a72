using Oompa.Algorithms.Common.OpenCl;
using Oompa.Tuning.Spaces;

namespace Oompa.Algorithms.Extrema.OpenCl;

/// <summary>The OpenCL programs of <see cref="ExtremaFinder"/>.</summary>
public static class ExtremaKernels
{
    /// <summary>
    /// <c>extrema_search.cl</c>: <c>extrema_partial</c> (work-groups reduce contiguous chunks of each signal's search box
    /// to (score, index) pairs by a tree reduction in local memory), <c>extrema_combine</c> (one work-group per signal
    /// reduces its chunks' pairs when a signal has several) and <c>extrema_refine</c> (one work-item per signal: value,
    /// location, sub-pixel refinement). Tuning parameters: <c>WG_SIZE</c> (work-items per group, a power of two) and
    /// <c>ITEMS</c> (elements each work-item loads per round, strided by the group size so loads stay coalesced).
    /// </summary>
    public static OpenClKernelDefinition Search { get; } = new(
        "Extrema.Search",
        "extrema_search.cl",
        new TuningSpace(
        [
            new TuningParameter("WG_SIZE", [32, 64, 128, 256], 128),
            new TuningParameter("ITEMS", [1, 2, 4, 8], 4),
        ]));
}
