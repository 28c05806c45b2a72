using Oompa.Samples.FlexAlign.Local;
using Oompa.Samples.FlexAlign.Movie;

namespace Oompa.Samples.FlexAlign.LocalAlignment;

/// <summary>
/// The locally aligned sum: every frame is corrected by its total compensation (global corrective shift + local
/// B-spline, <see cref="LocalAlignmentResult.Field"/>) with <see cref="LocalShiftResampler.Accumulate"/> (bilinear,
/// border clamped, parallel over rows) and added up. Frames are read one at a time.
/// </summary>
public static class LocalAlignedSum
{
    /// <summary>Sums the frames of <paramref name="source"/> corrected by <paramref name="alignment"/> (Width × Height, X fastest).</summary>
    /// <param name="source">The movie (same size as the alignment's model).</param>
    /// <param name="alignment">The local alignment.</param>
    /// <param name="parallel">Parallelism of the resampling; default settings if null.</param>
    /// <param name="gridStep">Spacing of the sampled compensation field in pixels (default 32).</param>
    /// <param name="progress">Reports stage "sum" per frame.</param>
    /// <param name="cancellationToken">Cancels between frames.</param>
    /// <returns>The sum.</returns>
    public static float[] Compute(
        IFrameSource source,
        LocalAlignmentResult alignment,
        ParallelOptions? parallel = null,
        int gridStep = 32,
        IProgress<FlexAlignProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(alignment);
        var grid = alignment.Model.Grid;
        if (source.Width != grid.Width || source.Height != grid.Height || source.FrameCount != grid.Frames)
        {
            throw new FlexAlignInputException(
                $"The movie is {source.Width}x{source.Height}x{source.FrameCount}; the alignment is for {grid.Width}x{grid.Height}x{grid.Frames}.");
        }

        long pixels = (long)source.Width * source.Height;
        var sum = new float[pixels];
        var frame = new float[pixels];
        for (int t = 0; t < source.FrameCount; t++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            source.ReadFrames(t, 1, frame);
            LocalShiftResampler.Accumulate(alignment.Field(t, gridStep), frame, sum, parallel);
            progress?.Report(new FlexAlignProgress("sum", t + 1, source.FrameCount));
        }

        return sum;
    }
}
