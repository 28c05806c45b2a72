namespace Oompa.Samples.FlexAlign.Local;

/// <summary>
/// FlexAlign's global-alignment equation system (thesis eq. 1–3): for every frame pair (i, j), i &lt; j, the measured
/// shift r̂_ij equals the sum of the frame-to-next shifts r_i + … + r_{j−1}. Rows are ordered by i, then j
/// (row(0,1), row(0,2), …, row(0,N−1), row(1,2), …); A[(i,j), k] = 1 for i ≤ k &lt; j. The N − 1 unknowns are
/// solved for x and y together by <see cref="RobustLeastSquares"/> with a shared 3σ rejection mask.
/// </summary>
public static class GlobalShiftSystem
{
    /// <summary>Number of equations N(N − 1)/2 for N frames.</summary>
    /// <param name="frames">Number of frames N ≥ 2.</param>
    /// <returns>The number of frame pairs.</returns>
    public static int EquationCount(int frames)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(frames, 2);
        return frames * (frames - 1) / 2;
    }

    /// <summary>Row of the pair (i, j) in the system.</summary>
    /// <param name="i">First frame, 0 ≤ i &lt; j.</param>
    /// <param name="j">Second frame, i &lt; j &lt; N.</param>
    /// <param name="frames">Number of frames N.</param>
    /// <returns>i·N − i(i + 1)/2 + (j − i − 1).</returns>
    public static int EquationIndex(int i, int j, int frames)
    {
        if (i < 0 || j <= i || j >= frames)
        {
            throw new ArgumentOutOfRangeException(nameof(i), $"pair ({i}, {j}) must satisfy 0 ≤ i < j < {frames}.");
        }

        return (i * frames) - (i * (i + 1) / 2) + (j - i - 1);
    }

    /// <summary>The design matrix A (N(N − 1)/2 × (N − 1)).</summary>
    /// <param name="frames">Number of frames N ≥ 2.</param>
    /// <returns>A with A[(i,j), k] = 1 for i ≤ k &lt; j, else 0.</returns>
    public static DenseMatrix Design(int frames)
    {
        var a = new DenseMatrix(EquationCount(frames), frames - 1);
        for (var i = 0; i < frames; i++)
        {
            for (var j = i + 1; j < frames; j++)
            {
                a.Row(EquationIndex(i, j, frames))[i..j].Fill(1);
            }
        }

        return a;
    }

    /// <summary>Solves for the frame-to-next shifts from the pairwise shifts (ordered as <see cref="EquationIndex"/>).</summary>
    /// <param name="frames">Number of frames N ≥ 2.</param>
    /// <param name="pairShiftsX">Measured r̂_ij along x, N(N − 1)/2 values.</param>
    /// <param name="pairShiftsY">Measured r̂_ij along y.</param>
    /// <param name="options">Rejection settings; FlexAlign defaults if null.</param>
    /// <returns>Solutions[0][k], Solutions[1][k] = r_k (frame k → k + 1) along x and y; the rejected pairs; RMS.</returns>
    public static RobustLeastSquaresResult Solve(int frames, double[] pairShiftsX, double[] pairShiftsY, RobustLeastSquaresOptions? options = null) =>
        RobustLeastSquares.Solve(Design(frames), pairShiftsX, pairShiftsY, options);

    /// <summary>Cumulative positions relative to frame 0: p_0 = 0, p_j = r_0 + … + r_{j−1}.</summary>
    /// <param name="frameToNext">The N − 1 frame-to-next shifts.</param>
    /// <returns>N positions.</returns>
    public static double[] Cumulative(ReadOnlySpan<double> frameToNext)
    {
        var p = new double[frameToNext.Length + 1];
        for (var k = 0; k < frameToNext.Length; k++)
        {
            p[k + 1] = p[k] + frameToNext[k];
        }

        return p;
    }
}
