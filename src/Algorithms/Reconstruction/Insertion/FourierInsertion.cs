using Microsoft.Extensions.Logging;
using Oompa.Algorithms.Common;
using Oompa.Core.Algorithms;
using Oompa.Core.Data;

namespace Oompa.Algorithms.Reconstruction.Insertion;

/// <summary>
/// Gather-style insertion of projection spectra into a 3D Fourier volume (Fourier reconstruction's heavy step):
/// for every traverse space s (a projection under a symmetry operator) adds to the volume G and the weights W.
/// </summary>
/// <remarks>
/// <para>Notation: R = half size, spectrum coefficient F(i, j) at column i (0..R) and row j (0..2R) of spectrum
/// s.ProjectionIndex, voxel v with K = v − (R, R, R), p = M·K with M the space's matrix, r the blob radius.</para>
/// <para><b>Blob</b> mode: every voxel with |K|² ≤ s.MaxDistanceSqr receives
/// <c>G[v] += s.Weight·Σ c(i)·w(d²)·F(i, j)</c> and <c>W[v] += s.Weight·Σ c(i)·w(d²)</c> over the coefficients with
/// <c>d² = (p.x − i)² + (p.y + R − j)² + p.z² ≤ r²</c>, where <c>c(0) = 1/2</c> and <c>c(i) = 1</c> otherwise (the
/// column x = 0 is shared with the mirrored half that Hermitian folding adds later), and w is the blob weight
/// <c>KaiserBesselBlob.Weight(d²)</c> (<see cref="BlobEvaluation.OnTheFly"/>) or the table look-up
/// <c>table[(int)(d²·(N−1)/r² + 0.5)]</c> (<see cref="BlobEvaluation.Table"/>). The space's bounding box contains every
/// voxel that receives anything, so kernels may iterate it, or the plane hints, in any order.</para>
/// <para><b>NearestNeighbour</b> mode: for every position (a, b) of the space's <see cref="TraverseDirection"/> plane
/// inside its bounding box, the third coordinate is <c>floor(t + 1/2)</c> with t solving
/// <c>n·(v − BottomOrigin) = 0</c>; the voxel is skipped when that coordinate leaves the box, when |K|² &gt;
/// MaxDistanceSqr or when p.x &lt; 0; otherwise <c>G[v] += s.Weight·F(i, j)</c> and <c>W[v] += s.Weight</c> with
/// <c>i = floor(p.x + 1/2)</c>, <c>j = floor(p.y + R + 1/2)</c>, both clamped to the spectrum.</para>
/// <para>Spaces are applied in order; NaN or infinite coefficients propagate to the voxels that gather them.</para>
/// </remarks>
public sealed class FourierInsertion : Algorithm<FourierInsertionOutput, FourierInsertionInput, FourierInsertionSettings>
{
    /// <summary>Creates the algorithm over the given strategies, asked in order.</summary>
    public FourierInsertion(
        IEnumerable<StrategyFactory<FourierInsertionOutput, FourierInsertionInput, FourierInsertionSettings>> strategies,
        ILogger<FourierInsertion>? logger = null)
        : base(strategies, logger)
    {
    }

    /// <summary>The half size R of spectra of spatial size (2R+1)², or −1 when the size is not of that form.</summary>
    public static int HalfSize(FourierDescriptor spectra)
    {
        ArgumentNullException.ThrowIfNull(spectra);
        var s = spectra.SpatialSize;
        return s.X == s.Y && s.Z == 1 && s.X >= 3 && (s.X & 1) == 1 ? s.X / 2 : -1;
    }

    /// <summary>
    /// The descriptor of a batch of <paramref name="count"/> spectra of half size <paramref name="halfSize"/>:
    /// spatial (2R+1)²×1×count, Frequency, Shifted, plus Normalized when <paramref name="normalized"/>.
    /// </summary>
    public static FourierDescriptor SpectraDescriptor(int halfSize, int count, bool normalized = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(halfSize, 1);
        int side = (2 * halfSize) + 1;
        var state = FourierState.Shifted | (normalized ? FourierState.Normalized : FourierState.None);
        return new FourierDescriptor(new Size(side, side, 1, count), FourierDomain.Frequency, state);
    }

    /// <summary>
    /// The descriptor of <see cref="FourierInsertionOutput.Volume"/> for <paramref name="spectra"/>: spatial
    /// (2R+1)³×1, Frequency, FullSpectrum | Shifted, plus Normalized when the spectra carry it.
    /// </summary>
    /// <exception cref="ArgumentException">The spectra's spatial size is not (2R+1)²×1.</exception>
    public static FourierDescriptor VolumeDescriptor(FourierDescriptor spectra)
    {
        int side = Side(spectra);
        var state = FourierState.FullSpectrum | FourierState.Shifted | (spectra.State & FourierState.Normalized);
        return new FourierDescriptor(new Size(side, side, side), FourierDomain.Frequency, state);
    }

    /// <summary>The descriptor of <see cref="FourierInsertionOutput.Weights"/>: Size (2R+1)³×1, no padding.</summary>
    /// <exception cref="ArgumentException">The spectra's spatial size is not (2R+1)²×1.</exception>
    public static LogicalDescriptor WeightsDescriptor(FourierDescriptor spectra)
    {
        int side = Side(spectra);
        return new LogicalDescriptor(new Size(side, side, side));
    }

    /// <summary>The descriptor of <see cref="FourierInsertionInput.Spaces"/> for <paramref name="count"/> spaces.</summary>
    public static LogicalDescriptor SpacesDescriptor(int count) => new(new Size(count));

    /// <summary>The descriptor of a blob table of <paramref name="entries"/> weights (at least 2).</summary>
    public static LogicalDescriptor TableDescriptor(int entries = FourierInsertionSettings.DefaultTableSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(entries, 2);
        return new LogicalDescriptor(new Size(entries));
    }

    /// <inheritdoc />
    protected override void ValidateRequest(FourierInsertionOutput output, FourierInsertionInput input, FourierInsertionSettings settings, ICollection<string> problems) =>
        FourierInsertionValidation.Validate(output, input, settings, problems);

    private static int Side(FourierDescriptor spectra)
    {
        ArgumentNullException.ThrowIfNull(spectra);
        int r = HalfSize(spectra);
        return r < 0
            ? throw new ArgumentException($"Spectra of spatial size {spectra.SpatialSize} are not (2R+1)×(2R+1)×1 with R ≥ 1.", nameof(spectra))
            : (2 * r) + 1;
    }
}
