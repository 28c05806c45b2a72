using Oompa.Algorithms.Reconstruction.Blob;

namespace Oompa.Algorithms.Reconstruction.Insertion;

/// <summary>Settings of <see cref="FourierInsertion"/>.</summary>
/// <param name="BlobRadius">The Kaiser–Bessel blob radius a in Fourier voxels, in (0, 8]; default 1.9 (Xmipp).</param>
/// <param name="BlobOrder">The blob order m, 0..4; default 0.</param>
/// <param name="BlobAlpha">The blob taper α, in (0, 100]; default 15.</param>
/// <param name="Mode">Blob gather (default) or the fast nearest-neighbour mode. In the fast mode the blob parameters
/// describe the convolution applied at the end (see <c>docs/reconstruction.md</c>); insertion itself does not use them.</param>
/// <param name="Evaluation">Blob weights from a table payload (default) or computed per pixel. Only meaningful in
/// <see cref="InsertionMode.Blob"/> mode.</param>
public sealed record FourierInsertionSettings(
    double BlobRadius = 1.9,
    int BlobOrder = 0,
    double BlobAlpha = 15,
    InsertionMode Mode = InsertionMode.Blob,
    BlobEvaluation Evaluation = BlobEvaluation.Table)
{
    /// <summary>The number of table entries Xmipp uses and the pipeline allocates (40 kB of floats).</summary>
    public const int DefaultTableSize = 10000;

    /// <summary>The default settings: blob radius 1.9, order 0, α 15, blob gather from a table.</summary>
    public static FourierInsertionSettings Default { get; } = new();

    /// <summary>Whether the request needs a <see cref="FourierInsertionInput.BlobTable"/> payload.</summary>
    public bool UsesTable => Mode == InsertionMode.Blob && Evaluation == BlobEvaluation.Table;

    /// <summary>The half-thickness of the slab each projection touches: the blob radius, or 0 in the fast mode.</summary>
    public double SlabRadius => Mode == InsertionMode.NearestNeighbour ? 0 : BlobRadius;

    /// <summary>The blob these settings describe.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The blob parameters are invalid.</exception>
    public KaiserBesselBlob CreateBlob() => new(BlobRadius, BlobOrder, BlobAlpha);
}
