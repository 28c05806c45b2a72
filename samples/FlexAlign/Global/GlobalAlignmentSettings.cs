namespace Oompa.Samples.FlexAlign.Global;

/// <summary>Settings of the FlexAlign global alignment. Defaults follow FlexAlign (algorithms.md §1.3, §1.7).</summary>
public sealed record GlobalAlignmentSettings
{
    /// <summary>Pixel size of the movie in Å (default 1).</summary>
    public double PixelSize { get; init; } = 1;

    /// <summary>Finest resolution used for correlation, R_max, in Å (default 30).</summary>
    public double MaxResolution { get; init; } = 30;

    /// <summary>Largest shift between any two frames that is searched, in Å (default 50).</summary>
    public double MaxShift { get; init; } = 50;

    /// <summary>Frames transformed per forward-FFT batch (bounds the full-size working memory).</summary>
    public int FftBatch { get; init; } = 4;

    /// <summary>Most frames per correlation block: blocks are correlated within themselves and against each other, at
    /// most CorrelationBlock² correlation maps per block pair in flight (one block pair at a time, or one per worker with
    /// a scheduled provider, whose blocks shrink by √workers). Blocks shrink further (to 2 frames at least) until the
    /// maps in flight fit in the stage's scratch memory, which holds stage A's frame ring (4096² frames, batch 4: 268 MB,
    /// 16 maps of 1890²), unless they take less than 64 MiB anyway.</summary>
    public int CorrelationBlock { get; init; } = 8;

    /// <summary>
    /// Refinement passes: the cropped spectra are moved by the current estimate (a phase ramp), all pairs are correlated
    /// again and the residual shifts are solved and added. The peak fit is exact at zero offset for any symmetric peak,
    /// so this removes the sub-pixel bias of the 3×3 fit on non-Gaussian peaks (noiseless 256²×8 phantom: 0.024 → 0.014 px);
    /// each pass costs another N(N−1)/2 correlations and small inverse FFTs. Default 0: on noisy phantoms at the paper's
    /// dose the bias is far below the noise (1024²×20: 0.158 px without, 0.160 px with; 4096²×40: 0.036 vs 0.039 px)
    /// while a pass doubles the correlation stage (4096²×40: 81 s → 164 s per movie, docs/flexalign-performance.md).
    /// </summary>
    public int RefinementPasses { get; init; }

    /// <summary>
    /// Bytes of full-size frame spectra kept from stage A for the aligned sum, so those frames are not read and
    /// transformed a second time (4096² frames: 67 MB each). Null (default): a quarter of the memory available to the
    /// process; 0: none kept (every frame is read and transformed again for the sum: memory stays at one batch).
    /// </summary>
    public long? KeptSpectraBytes { get; init; }

    /// <summary>Residual threshold of the outlier rejection, in standard deviations (default 3).</summary>
    public double OutlierThreshold { get; init; } = 3;

    /// <summary>Maximum number of re-solves of the outlier rejection (after the first solve).</summary>
    public int SolverIterations { get; init; } = 20;

    /// <summary>The maximum shift in pixels.</summary>
    public double MaxShiftPixels => MaxShift / PixelSize;

    /// <summary>Throws when a value is out of range.</summary>
    public void Validate()
    {
        if (!(PixelSize > 0) || !double.IsFinite(PixelSize))
        {
            throw new ArgumentOutOfRangeException(nameof(PixelSize), PixelSize, "The pixel size must be positive (Å).");
        }

        if (!(MaxResolution > 0) || !double.IsFinite(MaxResolution))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxResolution), MaxResolution, "The maximum resolution must be positive (Å).");
        }

        if (MaxResolution < 2 * PixelSize)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxResolution), MaxResolution, $"The maximum resolution must be at least Nyquist, 2 × pixel size = {2 * PixelSize} Å.");
        }

        if (!(MaxShift > 0) || !double.IsFinite(MaxShift))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxShift), MaxShift, "The maximum shift must be positive (Å).");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(FftBatch, 1, nameof(FftBatch));
        ArgumentOutOfRangeException.ThrowIfLessThan(CorrelationBlock, 2, nameof(CorrelationBlock));
        ArgumentOutOfRangeException.ThrowIfLessThan(SolverIterations, 0, nameof(SolverIterations));
        ArgumentOutOfRangeException.ThrowIfNegative(RefinementPasses, nameof(RefinementPasses));
        if (KeptSpectraBytes is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(KeptSpectraBytes), KeptSpectraBytes, "The memory for kept spectra must not be negative.");
        }

        if (!(OutlierThreshold > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(OutlierThreshold), OutlierThreshold, "The outlier threshold must be positive.");
        }
    }
}
