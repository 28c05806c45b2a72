using Oompa.Algorithms.Common.OpenCl;
using Oompa.Tuning.Spaces;

namespace Oompa.Algorithms.Reconstruction.Insertion.OpenCl;

/// <summary>
/// The OpenCL programs of <see cref="FourierInsertion"/>: one gather kernel (<c>insertion.cl</c>) built for three
/// weightings, each with its own tuning space so that every declared parameter changes what the kernel does.
/// </summary>
/// <remarks>
/// Parameters every definition shares (digest 2.8, adapted): <c>BLOCK_DIM</c> (BLOCK_DIM × BLOCK_DIM work-items cover
/// the traverse plane; BLOCK_DIM² must not exceed the kernel's work-group limit, which the strategy checks), <c>TILE</c>
/// (thread tiling: consecutive work-items walk TILE-wide columns of the block; divides BLOCK_DIM, below it),
/// <c>ATOMICS</c> (1: float adds by compare-and-swap in one launch; 0: plain adds, one launch per plane direction so
/// each work-item owns the voxels it writes) and <c>GRID_DIM_Z</c> (traverse spaces inserted concurrently, each
/// work-group layer taking every GRID_DIM_Z-th space; above 1 only with atomics). Defaults (16, 1, 0, 1) use 256
/// work-items per group and no local memory, valid on every device.
/// </remarks>
public static class FourierInsertionKernels
{
    /// <summary>
    /// Blob weights looked up in the request's <see cref="FourierInsertionInput.BlobTable"/>. Adds <c>SHARED_TABLE</c>
    /// (the table copied into local memory per work-group; declined when it does not fit the device's local memory)
    /// and <c>SHARED_IMG</c> (each block's patch of the spectrum in local memory, <see cref="PatchElements"/>
    /// coefficients at most; not with SHARED_TABLE).
    /// </summary>
    public static OpenClKernelDefinition BlobTable { get; } = new(
        "FourierInsertion.BlobTable",
        "insertion.cl",
        new TuningSpace(
            [.. Common(), TuningParameter.Boolean("SHARED_TABLE"), TuningParameter.Boolean("SHARED_IMG")],
            [.. CommonConstraints(), SharedImageAlone()]));

    /// <summary>
    /// Blob weights of <see cref="BlobEvaluation.OnTheFly"/> requests. Adds <c>PRECOMP</c> (0: the Kaiser–Bessel
    /// weight from Bessel series per pixel in float; 1: linear interpolation in a dense table of
    /// <see cref="OpenClFourierInsertion.DenseTableSize"/> weights the strategy computes in double at Init) and
    /// <c>SHARED_TABLE</c> (that table in local memory; only with PRECOMP) and <c>SHARED_IMG</c> (as for
    /// <see cref="BlobTable"/>).
    /// </summary>
    public static OpenClKernelDefinition BlobOnTheFly { get; } = new(
        "FourierInsertion.BlobOnTheFly",
        "insertion.cl",
        new TuningSpace(
            [.. Common(), TuningParameter.Boolean("PRECOMP"), TuningParameter.Boolean("SHARED_TABLE"), TuningParameter.Boolean("SHARED_IMG")],
            [
                .. CommonConstraints(),
                Constraint.Create("SHARED_TABLE", "PRECOMP", (s, p) => s == 0 || p == 1, "SHARED_TABLE only with PRECOMP"),
                SharedImageAlone(),
            ]));

    /// <summary>The fast nearest-neighbour mode: one voxel per plane position, no weights to evaluate.</summary>
    public static OpenClKernelDefinition Nearest { get; } = new(
        "FourierInsertion.Nearest",
        "insertion.cl",
        new TuningSpace(Common(), CommonConstraints()));

    /// <summary>
    /// The local patch of <c>SHARED_IMG</c> for a block side: (5·BLOCK_DIM/2 + 12)² coefficients, which holds the patch
    /// of a block whose plane is tilted by up to about 45° with the default blob radius (8 bytes each: 21.6 KB for 16).
    /// </summary>
    public static long PatchElements(long blockDim) => ((5 * blockDim / 2) + 12) * ((5 * blockDim / 2) + 12);

    private static Constraint SharedImageAlone() =>
        Constraint.Create("SHARED_IMG", "SHARED_TABLE", (i, t) => i == 0 || t == 0, "SHARED_IMG only without SHARED_TABLE");

    private static TuningParameter[] Common() =>
    [
        new TuningParameter("BLOCK_DIM", [8, 12, 16, 20, 24, 28, 32], 16),
        new TuningParameter("TILE", [1, 2, 4, 8], 1),
        TuningParameter.Boolean("ATOMICS"),
        new TuningParameter("GRID_DIM_Z", [1, 2, 4, 8, 16], 1),
    ];

    private static Constraint[] CommonConstraints() =>
    [
        Constraint.Create("BLOCK_DIM", "TILE", (b, t) => t == 1 || (b % t == 0 && t < b), "TILE divides BLOCK_DIM and is below it"),
        Constraint.Create("ATOMICS", "GRID_DIM_Z", (a, z) => a == 1 || z == 1, "GRID_DIM_Z > 1 only with ATOMICS"),
    ];
}
