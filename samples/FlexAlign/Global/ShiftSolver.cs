using Oompa.Samples.FlexAlign.Local;

namespace Oompa.Samples.FlexAlign.Global;

/// <summary>
/// Solves FlexAlign's equation system (algorithms.md §1.2) with the shared robust solver of FlexAlign.Local
/// (<see cref="GlobalShiftSystem"/>, <see cref="RobustLeastSquares"/>: Householder QR, x and y sharing one 3σ
/// rejection mask). Unknowns r_k = position(k+1) − position(k); one equation r_i + … + r_{j−1} = d_ij per measured
/// pair. When every pair was measured the system is <see cref="GlobalShiftSystem.Design"/>; otherwise only the rows of
/// the measured pairs are used. A rejection that would leave some r_k undetermined is undone by the solver.
/// </summary>
public static class ShiftSolver
{
    /// <summary>Solves for <paramref name="frames"/> frames from <paramref name="pairs"/>.</summary>
    /// <param name="frames">Number of frames, ≥ 2.</param>
    /// <param name="pairs">Measured pair shifts (finite), each 0 ≤ First &lt; Second &lt; frames.</param>
    /// <param name="threshold">Outlier threshold in standard deviations.</param>
    /// <param name="maxIterations">Maximum number of re-solves after the first solve.</param>
    /// <exception cref="ArgumentException">Fewer than 2 frames, a pair out of range, or the pairs do not determine every frame.</exception>
    public static ShiftSolution Solve(int frames, IReadOnlyList<PairShift> pairs, double threshold = 3, int maxIterations = 20)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentOutOfRangeException.ThrowIfLessThan(frames, 2);
        foreach (var p in pairs)
        {
            if (p.First < 0 || p.Second >= frames || p.First >= p.Second)
            {
                throw new ArgumentException($"Pair ({p.First}, {p.Second}) is not 0 ≤ first < second < {frames}.", nameof(pairs));
            }
        }

        var ordered = Order(frames, pairs);
        var bx = ordered.Select(p => p.Shift.X).ToArray();
        var by = ordered.Select(p => p.Shift.Y).ToArray();
        var options = new RobustLeastSquaresOptions(maxIterations + 1, threshold);
        RobustLeastSquaresResult result;
        try
        {
            result = ordered.Length == GlobalShiftSystem.EquationCount(frames)
                ? GlobalShiftSystem.Solve(frames, bx, by, options)
                : RobustLeastSquares.Solve(Design(frames, ordered), bx, by, options);
        }
        catch (UnderdeterminedSystemException e)
        {
            throw new ArgumentException($"The measured pairs do not determine the shift of every frame ({e.Message})", nameof(pairs), e);
        }

        var x = GlobalShiftSystem.Cumulative(result.Solutions[0]);
        var y = GlobalShiftSystem.Cumulative(result.Solutions[1]);
        var positions = new FrameShift[frames];
        for (int k = 0; k < frames; k++)
        {
            positions[k] = new FrameShift(x[k], y[k]);
        }

        var rejected = ordered.Where((_, e) => result.Rejected[e]).ToArray();
        double rms = Math.Sqrt((result.ResidualRms[0] * result.ResidualRms[0]) + (result.ResidualRms[1] * result.ResidualRms[1]));
        return new ShiftSolution(positions, rejected, result.Iterations, rms);
    }

    /// <summary>The pairs in <see cref="GlobalShiftSystem.EquationIndex"/> order (at most one per frame pair).</summary>
    private static PairShift[] Order(int frames, IReadOnlyList<PairShift> pairs)
    {
        var ordered = pairs.OrderBy(p => GlobalShiftSystem.EquationIndex(p.First, p.Second, frames)).ToArray();
        for (int e = 1; e < ordered.Length; e++)
        {
            if (ordered[e].First == ordered[e - 1].First && ordered[e].Second == ordered[e - 1].Second)
            {
                throw new ArgumentException($"Pair ({ordered[e].First}, {ordered[e].Second}) is given twice.", nameof(pairs));
            }
        }

        if (ordered.Length == 0)
        {
            throw new ArgumentException("The measured pairs do not determine the shift of every frame (no pairs).", nameof(pairs));
        }

        return ordered;
    }

    /// <summary>The rows of <see cref="GlobalShiftSystem.Design"/> for the measured pairs only.</summary>
    private static DenseMatrix Design(int frames, PairShift[] ordered)
    {
        var a = new DenseMatrix(ordered.Length, frames - 1);
        for (int e = 0; e < ordered.Length; e++)
        {
            a.Row(e)[ordered[e].First..ordered[e].Second].Fill(1);
        }

        return a;
    }
}
