using Microsoft.Extensions.Logging;
using Oompa.Samples.FlexAlign.Global;
using Oompa.Samples.FlexAlign.Local;
using Oompa.Samples.FlexAlign.Movie;

namespace Oompa.Samples.FlexAlign.LocalAlignment;

/// <summary>
/// FlexAlign's local alignment (algorithms.md §1.6) on top of the global one: the frames are compensated by their global
/// corrective shifts, cut into overlapping patches (<see cref="PatchLayout"/>), each patch averaged over neighbouring
/// frames; every patch stack is aligned like a small movie (all pairs, solve with 3σ rejection), and the residual patch
/// shifts are fitted by the cubic B-spline model (<see cref="LocalMotionFitter"/>). The whole movie is held in memory
/// (as FlexAlign does) while the patches are cut.
/// </summary>
public sealed class LocalAligner
{
    private readonly AlgorithmProvider algorithms;
    private readonly ILogger logger;

    /// <summary>Creates an aligner whose algorithms come from <paramref name="algorithms"/>.</summary>
    public LocalAligner(AlgorithmProvider algorithms)
    {
        ArgumentNullException.ThrowIfNull(algorithms);
        this.algorithms = algorithms;
        logger = algorithms.Logger(typeof(LocalAligner).FullName!);
    }

    /// <summary>The patch layout <see cref="Align"/> uses for frames of <paramref name="width"/> × <paramref name="height"/>.</summary>
    /// <exception cref="ArgumentException">The counts do not fit the frame (more patches than distinct origins).</exception>
    public static PatchLayout Layout(int width, int height, LocalAlignmentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        int pw = settings.PatchPixels(width);
        int ph = settings.PatchPixels(height);
        return PatchLayout.Create(width, height, pw, ph,
            settings.PatchCount(settings.PatchesX, width, settings.ControlPointsX),
            settings.PatchCount(settings.PatchesY, height, settings.ControlPointsY));
    }

    /// <summary>
    /// Measures and fits the local motion of <paramref name="source"/> left after <paramref name="globalCorrectiveShifts"/>
    /// (<see cref="GlobalAlignmentResult.CorrectiveShifts"/>: corrected(p) = frame(p − c), pixels).
    /// </summary>
    /// <exception cref="FlexAlignInputException">Fewer than 2 frames, fewer frames than time control points, a
    /// corrective shift per frame missing, a layout that does not fit, or too few usable patches for the control points.</exception>
    public LocalAlignmentResult Align(
        IFrameSource source,
        IReadOnlyList<FrameShift> globalCorrectiveShifts,
        LocalAlignmentSettings settings,
        IProgress<FlexAlignProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(globalCorrectiveShifts);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        int frames = source.FrameCount;
        if (frames < 2 || frames < settings.ControlPointsT)
        {
            throw new FlexAlignInputException($"The movie has {frames} frames; local alignment needs at least 2 and at least {settings.ControlPointsT} (time control points).");
        }

        if (globalCorrectiveShifts.Count != frames)
        {
            throw new FlexAlignInputException($"{globalCorrectiveShifts.Count} global shifts for {frames} frames.");
        }

        PatchLayout layout;
        try
        {
            layout = Layout(source.Width, source.Height, settings);
        }
        catch (ArgumentException e)
        {
            throw new FlexAlignInputException($"The patch layout does not fit the {source.Width}x{source.Height} frames: {e.Message}", e);
        }

        var parallel = algorithms.Device.ParallelOptions;
        var stack = PatchStack.Load(source, globalCorrectiveShifts, settings.FrameAveraging, parallel, cancellationToken);
        var tracker = new PatchTracker(algorithms, settings, layout.X.PatchSize, layout.Y.PatchSize);
        logger.LogDebug(
            "Local alignment: {CountX}x{CountY} patches of {Width}x{Height} px, correlation at {CroppedWidth}x{CroppedHeight}",
            layout.CountX, layout.CountY, layout.X.PatchSize, layout.Y.PatchSize, tracker.Geometry.CroppedWidth, tracker.Geometry.CroppedHeight);

        var patchFrames = new float[frames * layout.X.PatchSize * layout.Y.PatchSize];
        var measurements = new List<PatchMeasurement>(layout.Count * frames);
        int skipped = 0;
        foreach (var patch in layout.Patches())
        {
            cancellationToken.ThrowIfCancellationRequested();
            stack.Cut(patch, patchFrames);
            var positions = tracker.Track(patchFrames, frames, cancellationToken);
            if (positions is null)
            {
                skipped++;
                logger.LogWarning("Patch {Index} had a pair without a usable correlation peak and was left out", patch.Index);
            }
            else
            {
                for (int t = 0; t < frames; t++)
                {
                    measurements.Add(new PatchMeasurement(patch.CenterX, patch.CenterY, t, positions[t].X, positions[t].Y));
                }
            }

            progress?.Report(new FlexAlignProgress("patches", patch.Index + 1, layout.Count));
        }

        var grid = new BSplineGrid(source.Width, source.Height, frames, settings.ControlPointsX, settings.ControlPointsY, settings.ControlPointsT);
        LocalMotionFit fit;
        try
        {
            fit = LocalMotionFitter.Fit(grid, measurements, settings.Solver);
        }
        catch (UnderdeterminedSystemException e)
        {
            throw new FlexAlignInputException($"The local motion could not be fitted: {e.Message}", e);
        }

        logger.LogDebug(
            "Local fit: {Rejected} of {Count} patch shifts rejected, residual RMS ({X:F4}, {Y:F4}) px",
            fit.RejectedCount, measurements.Count, fit.ResidualRmsX, fit.ResidualRmsY);
        return new LocalAlignmentResult(layout, [.. globalCorrectiveShifts], fit, measurements, skipped);
    }
}
