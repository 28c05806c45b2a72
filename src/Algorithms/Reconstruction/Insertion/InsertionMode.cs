namespace Oompa.Algorithms.Reconstruction.Insertion;

/// <summary>How <see cref="FourierInsertion"/> spreads a projection's coefficients into the volume.</summary>
public enum InsertionMode
{
    /// <summary>
    /// Gather with the Kaiser–Bessel blob: every voxel within the blob radius of a projection's central slice receives
    /// the blob-weighted sum of the coefficients around its position in the slice.
    /// </summary>
    Blob = 0,

    /// <summary>
    /// The fast mode: the voxel nearest the slice along each line of the traverse plane receives the nearest
    /// coefficient with weight 1; the blob is applied once at the end, by convolving the accumulated volume and weights.
    /// </summary>
    NearestNeighbour = 1,
}
