using Oompa.Algorithms.Common.OpenCl;
using Oompa.Tuning.Spaces;

namespace Oompa.Algorithms.FourierProcessing.OpenCl;

/// <summary>The OpenCL programs of <see cref="FourierProcessing"/>.</summary>
public static class FourierProcessingKernels
{
    /// <summary>
    /// <c>fourier_processing.cl</c>: a 2D range of (column chunks, output rows), rows of every image of the batch in
    /// one launch. Tuning parameters: <c>WG_X</c> (work-items per group along a row), <c>WG_Y</c> (rows per group; narrow
    /// rows fill a group with several rows) and <c>ITEMS</c> (coefficients per work-item, strided by <c>WG_X</c> so
    /// accesses stay coalesced); <c>WG_X · WG_Y ≤ 256</c>. Problem constants: <c>HAS_FILTER</c>, <c>HAS_COLUMNS</c>.
    /// </summary>
    public static OpenClKernelDefinition Process { get; } = new(
        "FourierProcessing.Process",
        "fourier_processing.cl",
        new TuningSpace(
            [
                new TuningParameter("WG_X", [16, 32, 64, 128, 256], 64),
                new TuningParameter("WG_Y", [1, 2, 4, 8], 2),
                new TuningParameter("ITEMS", [1, 2, 4, 8], 1),
            ],
            [Constraint.Create("WG_X", "WG_Y", (x, y) => x * y <= 256, "WG_X * WG_Y <= 256")]));
}
