using Oompa.Algorithms.Common.OpenCl;
using Oompa.Tuning.Spaces;

namespace Oompa.Algorithms.Correlation.OpenCl;

/// <summary>The OpenCL programs of <see cref="Correlation"/>.</summary>
public static class CorrelationKernels
{
    /// <summary>
    /// <c>correlate_pairs.cl</c>: a 2D range of (column chunks, row × pair tiles). Tuning parameters: <c>WG_X</c>
    /// (work-items per group along a row), <c>WG_Y</c> (row/pair-tile items per group), <c>ITEMS</c> (column chunks per
    /// work-item, strided for coalescing), <c>VEC</c> (1: one complex per load, 2: two via <c>float4</c>) and
    /// <c>PAIRS</c> (consecutive output pairs per work-item; the Data1 row is kept in registers while the pairs share
    /// image i, as they do in both orders); <c>WG_X · WG_Y ≤ 256</c>.
    /// </summary>
    public static OpenClKernelDefinition Correlate { get; } = new(
        "Correlation.Correlate",
        "correlate_pairs.cl",
        new TuningSpace(
            [
                new TuningParameter("WG_X", [16, 32, 64, 128, 256], 64),
                new TuningParameter("WG_Y", [1, 2, 4, 8], 2),
                new TuningParameter("ITEMS", [1, 2, 4], 1),
                new TuningParameter("VEC", [1, 2], 1),
                new TuningParameter("PAIRS", [1, 2, 4, 8], 4),
            ],
            [Constraint.Create("WG_X", "WG_Y", (x, y) => x * y <= 256, "WG_X * WG_Y <= 256")]));
}
