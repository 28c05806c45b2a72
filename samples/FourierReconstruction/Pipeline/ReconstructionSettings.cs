using Oompa.Algorithms.Reconstruction.Finalization;
using Oompa.Algorithms.Reconstruction.Insertion;
using Oompa.Algorithms.Reconstruction.Symmetry;

namespace Oompa.Samples.FourierReconstruction.Pipeline;

/// <summary>What a reconstruction does; immutable.</summary>
/// <param name="Padding">Padding factor of the projections and the volume (default 2).</param>
/// <param name="MaxResolution">Highest frequency kept, cycles per pixel, (0, 0.5] (default 0.5, Nyquist).</param>
/// <param name="Symmetry">The point group; its operators multiply the work (default C1).</param>
/// <param name="Insertion">Blob parameters and mode (default radius 1.9, order 0, α 15, table).</param>
/// <param name="BatchSize">Projections preprocessed and inserted per batch (default 32).</param>
/// <param name="WeightThreshold">Voxels whose folded weight is at or below this are zero (default 10⁻³).</param>
public sealed record ReconstructionSettings(
    double Padding = 2,
    double MaxResolution = 0.5,
    SymmetryGroup? Symmetry = null,
    FourierInsertionSettings? Insertion = null,
    int BatchSize = 32,
    double WeightThreshold = FourierVolumeFinalizer.DefaultWeightThreshold)
{
    /// <summary>The symmetry group, C1 when none was given.</summary>
    public SymmetryGroup Group => Symmetry ?? SymmetryGroup.C1;

    /// <summary>The insertion settings, the defaults when none were given.</summary>
    public FourierInsertionSettings InsertionSettings => Insertion ?? FourierInsertionSettings.Default;
}
