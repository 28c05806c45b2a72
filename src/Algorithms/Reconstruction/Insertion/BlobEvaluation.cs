namespace Oompa.Algorithms.Reconstruction.Insertion;

/// <summary>Where <see cref="InsertionMode.Blob"/> insertion takes its weights from.</summary>
public enum BlobEvaluation
{
    /// <summary>
    /// From the <see cref="FourierInsertionInput.BlobTable"/> payload, filled by
    /// <see cref="Blob.KaiserBesselBlob.FillTable"/>: <c>table[(int)(d²·(N−1)/a² + 0.5)]</c>.
    /// </summary>
    Table = 0,

    /// <summary>Computed per pixel from the Bessel function (no table payload).</summary>
    OnTheFly = 1,
}
