using Oompa.Samples.FlexAlign.Global;
using Oompa.Samples.FlexAlign.Local;
using Oompa.Samples.FlexAlign.Movie;

namespace Oompa.Samples.FlexAlign.LocalAlignment;

/// <summary>
/// Measures the drift of one patch stack with the global alignment's machinery at patch size: stage A
/// (<see cref="SpectrumStage"/>: taper, FFT, low-pass, crop), stage B (<see cref="PairCorrelator"/>: all pairs, centred
/// correlation, sub-pixel peak), the pair system solved by <see cref="GlobalShiftSystem"/> with 3σ rejection, and the
/// refinement passes (spectra moved by the estimate, pairs measured again, residual added).
/// </summary>
internal sealed class PatchTracker
{
    private readonly AlgorithmProvider algorithms;
    private readonly LocalAlignmentSettings settings;
    private readonly CorrelationGeometry geometry;

    public PatchTracker(AlgorithmProvider algorithms, LocalAlignmentSettings settings, int patchWidth, int patchHeight)
    {
        this.algorithms = algorithms;
        this.settings = settings;
        geometry = CorrelationGeometry.For(patchWidth, patchHeight, settings.CorrelationSettings());
    }

    public CorrelationGeometry Geometry => geometry;

    /// <summary>Drift of every patch frame relative to patch frame 0 (pixels); null when some pair had no usable peak.</summary>
    public FrameShift[]? Track(float[] stack, int frames, CancellationToken cancellationToken)
    {
        var source = new InMemoryFrameSource(stack, geometry.Width, geometry.Height, frames);
        using var stage = new SpectrumStage(algorithms, geometry, frames, settings.FftBatch);
        stage.Run(source, null, cancellationToken);
        var positions = Measure(stage, frames, cancellationToken);
        if (positions is null)
        {
            return null;
        }

        var increment = positions;
        for (int pass = 0; pass < settings.RefinementPasses; pass++)
        {
            stage.MoveCropped(increment, algorithms.Device.ParallelOptions);
            var residual = Measure(stage, frames, cancellationToken);
            if (residual is null)
            {
                break;
            }

            for (int t = 0; t < frames; t++)
            {
                positions[t] += residual[t];
            }

            increment = residual;
        }

        return positions;
    }

    private FrameShift[]? Measure(SpectrumStage stage, int frames, CancellationToken cancellationToken)
    {
        List<PairShift> pairs;
        using (var correlator = new PairCorrelator(algorithms, geometry, stage, settings.CorrelationBlock))
        {
            pairs = correlator.Run(null, cancellationToken);
        }

        int equations = GlobalShiftSystem.EquationCount(frames);
        var px = new double[equations];
        var py = new double[equations];
        foreach (var p in pairs)
        {
            if (!double.IsFinite(p.Shift.X) || !double.IsFinite(p.Shift.Y))
            {
                return null;
            }

            int row = GlobalShiftSystem.EquationIndex(p.First, p.Second, frames);
            px[row] = p.Shift.X;
            py[row] = p.Shift.Y;
        }

        var solution = GlobalShiftSystem.Solve(frames, px, py, settings.Solver);
        var x = GlobalShiftSystem.Cumulative(solution.Solutions[0]);
        var y = GlobalShiftSystem.Cumulative(solution.Solutions[1]);
        var positions = new FrameShift[frames];
        for (int t = 0; t < frames; t++)
        {
            positions[t] = new FrameShift(x[t], y[t]);
        }

        return positions;
    }
}
