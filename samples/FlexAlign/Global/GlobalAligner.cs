using Microsoft.Extensions.Logging;
using Oompa.Samples.FlexAlign.Movie;

namespace Oompa.Samples.FlexAlign.Global;

/// <summary>
/// FlexAlign's global alignment (algorithms.md §1.2–§1.5, §1.8), written against the algorithm abstractions: stage A
/// (<see cref="SpectrumStage"/>: batched FFT, Gaussian low-pass, Fourier crop), stage B (<see cref="PairCorrelator"/>:
/// centred correlation of all pairs, inverse FFT, sub-pixel peak), the least-squares solve with 3σ outlier rejection
/// (<see cref="ShiftSolver"/>), and stage C (<see cref="AlignedSum"/>: Fourier-shifted sum).
/// </summary>
public sealed class GlobalAligner
{
    private readonly AlgorithmProvider algorithms;
    private readonly ILogger logger;

    /// <summary>Creates an aligner whose algorithms come from <paramref name="algorithms"/>.</summary>
    public GlobalAligner(AlgorithmProvider algorithms)
    {
        ArgumentNullException.ThrowIfNull(algorithms);
        this.algorithms = algorithms;
        logger = algorithms.Logger(typeof(GlobalAligner).FullName!);
    }

    /// <summary>Aligns the frames of <paramref name="source"/> and, when <paramref name="computeSum"/>, sums them aligned.</summary>
    /// <exception cref="FlexAlignInputException">Fewer than 2 frames, or unusable frame data.</exception>
    public GlobalAlignmentResult Align(
        IFrameSource source,
        GlobalAlignmentSettings settings,
        bool computeSum = true,
        IProgress<FlexAlignProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        if (source.FrameCount < 2)
        {
            throw new FlexAlignInputException($"The movie has {source.FrameCount} frame; alignment needs at least 2.");
        }

        var geometry = CorrelationGeometry.For(source.Width, source.Height, settings);
        logger.LogDebug(
            "Global alignment of {Frames} frames {Width}x{Height}: correlation at {CroppedWidth}x{CroppedHeight}, sigma {Sigma:F4} cycles/px, search {SearchWidth}x{SearchHeight}",
            source.FrameCount, source.Width, source.Height, geometry.CroppedWidth, geometry.CroppedHeight, geometry.Sigma, geometry.SearchWidth, geometry.SearchHeight);
        long keep = computeSum ? settings.KeptSpectraBytes ?? Buffers.Budget : 0;
        using var stage = new SpectrumStage(algorithms, geometry, source.FrameCount, settings.FftBatch, keep);
        stage.Run(source, progress, cancellationToken);

        var (pairs, solution) = Measure(stage, geometry, settings, source.FrameCount, progress, cancellationToken);
        var increment = solution.Positions;
        for (int pass = 0; pass < settings.RefinementPasses; pass++)
        {
            // Move the cropped spectra by the latest increment so they are aligned by the whole estimate, then measure
            // what is left: the peak fit is unbiased near zero offset.
            var estimate = solution.Positions;
            stage.MoveCropped(increment, algorithms.Device.ParallelOptions);
            var (residualPairs, residual) = Measure(stage, geometry, settings, source.FrameCount, progress, cancellationToken);
            PairShift Total(PairShift p) => p with { Shift = p.Shift + (estimate[p.Second] - estimate[p.First]) };
            pairs = [.. residualPairs.Select(Total)];
            solution = new ShiftSolution(
                [.. estimate.Zip(residual.Positions, (a, b) => a + b)],
                [.. residual.Rejected.Select(Total)],
                solution.Iterations + residual.Iterations,
                residual.ResidualRms);
            increment = residual.Positions;
        }

        logger.LogDebug("Solved with {Rejected} of {Pairs} equations rejected, residual RMS {Rms:F4} px", solution.Rejected.Count, pairs.Count, solution.ResidualRms);
        var corrective = solution.Positions.Select(p => -p).ToArray();
        float[]? sum = computeSum
            ? AlignedSum.Compute(algorithms, stage, source, corrective, settings.FftBatch, progress, cancellationToken)
            : null;
        return new GlobalAlignmentResult(geometry, pairs, solution, sum);
    }

    private (List<PairShift> Pairs, ShiftSolution Solution) Measure(
        SpectrumStage stage, CorrelationGeometry geometry, GlobalAlignmentSettings settings, int frames, IProgress<FlexAlignProgress>? progress, CancellationToken cancellationToken)
    {
        List<PairShift> pairs;
        using (var correlator = new PairCorrelator(algorithms, geometry, stage, settings.CorrelationBlock))
        {
            pairs = correlator.Run(progress, cancellationToken);
        }

        var usable = pairs.Where(p => double.IsFinite(p.Shift.X) && double.IsFinite(p.Shift.Y)).ToList();
        if (usable.Count < pairs.Count)
        {
            logger.LogWarning("{Count} frame pairs had no usable correlation peak and were left out", pairs.Count - usable.Count);
        }

        progress?.Report(new FlexAlignProgress("solve", 0, 1));
        try
        {
            var solution = ShiftSolver.Solve(frames, usable, settings.OutlierThreshold, settings.SolverIterations);
            progress?.Report(new FlexAlignProgress("solve", 1, 1));
            return (pairs, solution);
        }
        catch (ArgumentException e)
        {
            throw new FlexAlignInputException($"The frames could not be aligned: {e.Message}", e);
        }
    }
}
