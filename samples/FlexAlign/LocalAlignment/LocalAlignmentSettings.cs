using Oompa.Samples.FlexAlign.Global;
using Oompa.Samples.FlexAlign.Local;

namespace Oompa.Samples.FlexAlign.LocalAlignment;

/// <summary>
/// Settings of FlexAlign's local (patch-based) alignment (algorithms.md §1.6). Defaults follow FlexAlign: 500 Å patches,
/// ⌈frame/patch⌉ patches per axis but more patches than control points, control points 6 × 6 × 5, patches averaged
/// over 3 neighbouring frames. The local search is small: it measures what is left after the global compensation.
/// </summary>
public sealed record LocalAlignmentSettings
{
    /// <summary>Pixel size of the movie in Å (default 1).</summary>
    public double PixelSize { get; init; } = 1;

    /// <summary>Finest resolution used for the patch correlation, in Å (default 30, as the global alignment).</summary>
    public double MaxResolution { get; init; } = 30;

    /// <summary>Largest residual shift between two patch frames that is searched, in Å (default 20).</summary>
    public double MaxShift { get; init; } = 20;

    /// <summary>Patch side in Å (default 500); the pixel size is rounded to an even number of pixels, at most the frame.</summary>
    public double PatchSize { get; init; } = 500;

    /// <summary>Patches along x; null: ⌈width/patch⌉, raised to <see cref="ControlPointsX"/> + 1.</summary>
    public int? PatchesX { get; init; }

    /// <summary>Patches along y; null: ⌈height/patch⌉, raised to <see cref="ControlPointsY"/> + 1.</summary>
    public int? PatchesY { get; init; }

    /// <summary>B-spline control points along x (default 6, at least 3).</summary>
    public int ControlPointsX { get; init; } = BSplineGrid.DefaultControlPointsX;

    /// <summary>B-spline control points along y (default 6, at least 3).</summary>
    public int ControlPointsY { get; init; } = BSplineGrid.DefaultControlPointsY;

    /// <summary>B-spline control points along time (default 5, at least 3).</summary>
    public int ControlPointsT { get; init; } = BSplineGrid.DefaultControlPointsT;

    /// <summary>
    /// Frames averaged per patch frame (odd, default 3): patch frame t is the mean of frames t − h … t + h
    /// (h = (FrameAveraging − 1)/2, cut at the movie ends), which raises the SNR of the small patches.
    /// </summary>
    public int FrameAveraging { get; init; } = 3;

    /// <summary>Refinement passes of the patch correlation, as <see cref="GlobalAlignmentSettings.RefinementPasses"/> (default 1).</summary>
    public int RefinementPasses { get; init; } = 1;

    /// <summary>Patch frames per forward-FFT batch.</summary>
    public int FftBatch { get; init; } = 8;

    /// <summary>Patch frames per correlation block.</summary>
    public int CorrelationBlock { get; init; } = 16;

    /// <summary>Rejection of the per-patch shift solve and the B-spline fit (3σ, at most 10 solves).</summary>
    public RobustLeastSquaresOptions Solver { get; init; } = RobustLeastSquaresOptions.Default;

    /// <summary>The patch side in pixels along one axis for a frame of <paramref name="frameSize"/> pixels (even, ≤ frame).</summary>
    public int PatchPixels(int frameSize)
    {
        int side = Math.Max(2, (int)Math.Round(PatchSize / PixelSize / 2) * 2);
        return Math.Min(side, frameSize);
    }

    /// <summary>The patch count along an axis: the explicit value, or ⌈frame/patch⌉ but at least control points + 1.</summary>
    public int PatchCount(int? explicitCount, int frameSize, int controlPoints) =>
        explicitCount ?? Math.Max(PatchAxis.DefaultCount(frameSize * PixelSize, PatchSize), controlPoints + 1);

    /// <summary>The settings of the patch correlation, in the global alignment's terms.</summary>
    public GlobalAlignmentSettings CorrelationSettings() => new()
    {
        PixelSize = PixelSize,
        MaxResolution = MaxResolution,
        MaxShift = MaxShift,
        FftBatch = FftBatch,
        CorrelationBlock = CorrelationBlock,
        RefinementPasses = RefinementPasses,
    };

    /// <summary>Throws when a value is out of range (naming the property).</summary>
    public void Validate()
    {
        if (!(PatchSize > 0) || !double.IsFinite(PatchSize))
        {
            throw new ArgumentOutOfRangeException(nameof(PatchSize), PatchSize, "The patch size must be positive (Å).");
        }

        if (PatchesX is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(PatchesX), PatchesX, "The patch count must be at least 1.");
        }

        if (PatchesY is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(PatchesY), PatchesY, "The patch count must be at least 1.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(ControlPointsX, 3, nameof(ControlPointsX));
        ArgumentOutOfRangeException.ThrowIfLessThan(ControlPointsY, 3, nameof(ControlPointsY));
        ArgumentOutOfRangeException.ThrowIfLessThan(ControlPointsT, 3, nameof(ControlPointsT));
        if (FrameAveraging < 1 || FrameAveraging % 2 == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(FrameAveraging), FrameAveraging, "Frame averaging must be a positive odd number.");
        }

        ArgumentNullException.ThrowIfNull(Solver, nameof(Solver));
        CorrelationSettings().Validate();
    }
}
