namespace Oompa.Samples.FlexAlign.Global;

/// <summary>
/// Solves FlexAlign's equation system (algorithms.md §1.2): unknowns r_k = position(k+1) − position(k), one equation
/// r_i + … + r_{j−1} = d_ij per measured pair, x and y independently, by least squares (normal equations, Cholesky, in
/// double). Outlier rejection: residuals e = d − A·r; an equation whose |e_x| &gt; t·σ_x or |e_y| &gt; t·σ_y is dropped
/// (x and y together; σ the standard deviation of the kept residuals), then the system is solved again, until no new
/// outlier appears or the iteration limit. Residuals below 0.01 px are never outliers (so exact data keeps every
/// equation), and a drop that would leave some r_k undetermined is not made.
/// </summary>
public static class ShiftSolver
{
    private const double MinimumOutlier = 0.01;

    /// <summary>Solves for <paramref name="frames"/> frames from <paramref name="pairs"/>.</summary>
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

        var active = Enumerable.Repeat(true, pairs.Count).ToArray();
        var steps = TrySolve(frames, pairs, active)
            ?? throw new ArgumentException("The measured pairs do not determine the shift of every frame.", nameof(pairs));
        int iterations = 1;
        while (iterations <= maxIterations)
        {
            var (ex, ey) = Residuals(pairs, steps);
            double sx = Deviation(ex, active);
            double sy = Deviation(ey, active);
            var next = (bool[])active.Clone();
            bool changed = false;
            for (int e = 0; e < pairs.Count; e++)
            {
                if (next[e] && (Outlier(ex[e], sx, threshold) || Outlier(ey[e], sy, threshold)))
                {
                    next[e] = false;
                    changed = true;
                }
            }

            if (!changed)
            {
                break;
            }

            var solved = TrySolve(frames, pairs, next);
            if (solved is null)
            {
                break;
            }

            active = next;
            steps = solved;
            iterations++;
        }

        var positions = new FrameShift[frames];
        for (int k = 1; k < frames; k++)
        {
            positions[k] = positions[k - 1] + steps[k - 1];
        }

        var (rx, ry) = Residuals(pairs, steps);
        double sum = 0;
        int kept = 0;
        for (int e = 0; e < pairs.Count; e++)
        {
            if (active[e])
            {
                sum += (rx[e] * rx[e]) + (ry[e] * ry[e]);
                kept++;
            }
        }

        var rejected = pairs.Where((_, e) => !active[e]).ToArray();
        return new ShiftSolution(positions, rejected, iterations, kept == 0 ? 0 : Math.Sqrt(sum / kept));
    }

    private static bool Outlier(double residual, double deviation, double threshold) =>
        Math.Abs(residual) > Math.Max(threshold * deviation, MinimumOutlier);

    private static double Deviation(double[] residuals, bool[] active)
    {
        double sum = 0;
        double sum2 = 0;
        int n = 0;
        for (int e = 0; e < residuals.Length; e++)
        {
            if (active[e])
            {
                sum += residuals[e];
                sum2 += residuals[e] * residuals[e];
                n++;
            }
        }

        if (n < 2)
        {
            return double.PositiveInfinity;
        }

        double mean = sum / n;
        return Math.Sqrt(Math.Max(0, (sum2 / n) - (mean * mean)));
    }

    private static (double[] X, double[] Y) Residuals(IReadOnlyList<PairShift> pairs, FrameShift[] steps)
    {
        var ex = new double[pairs.Count];
        var ey = new double[pairs.Count];
        for (int e = 0; e < pairs.Count; e++)
        {
            var p = pairs[e];
            double x = 0;
            double y = 0;
            for (int k = p.First; k < p.Second; k++)
            {
                x += steps[k].X;
                y += steps[k].Y;
            }

            ex[e] = p.Shift.X - x;
            ey[e] = p.Shift.Y - y;
        }

        return (ex, ey);
    }

    /// <summary>Normal equations AᵀWA r = AᵀW d for x and y; null when AᵀWA is singular.</summary>
    private static FrameShift[]? TrySolve(int frames, IReadOnlyList<PairShift> pairs, bool[] active)
    {
        int m = frames - 1;
        var a = new double[m, m];
        var bx = new double[m];
        var by = new double[m];
        for (int e = 0; e < pairs.Count; e++)
        {
            if (!active[e])
            {
                continue;
            }

            var p = pairs[e];
            for (int k = p.First; k < p.Second; k++)
            {
                bx[k] += p.Shift.X;
                by[k] += p.Shift.Y;
                for (int l = p.First; l < p.Second; l++)
                {
                    a[k, l] += 1;
                }
            }
        }

        if (!Cholesky(a, m))
        {
            return null;
        }

        var x = Substitute(a, bx, m);
        var y = Substitute(a, by, m);
        var steps = new FrameShift[m];
        for (int k = 0; k < m; k++)
        {
            steps[k] = new FrameShift(x[k], y[k]);
        }

        return steps;
    }

    /// <summary>In-place Cholesky factorisation (lower triangle); false when not positive definite.</summary>
    private static bool Cholesky(double[,] a, int m)
    {
        for (int j = 0; j < m; j++)
        {
            double d = a[j, j];
            for (int k = 0; k < j; k++)
            {
                d -= a[j, k] * a[j, k];
            }

            if (!(d > 1e-9))
            {
                return false;
            }

            a[j, j] = Math.Sqrt(d);
            for (int i = j + 1; i < m; i++)
            {
                double s = a[i, j];
                for (int k = 0; k < j; k++)
                {
                    s -= a[i, k] * a[j, k];
                }

                a[i, j] = s / a[j, j];
            }
        }

        return true;
    }

    private static double[] Substitute(double[,] l, double[] b, int m)
    {
        var y = new double[m];
        for (int i = 0; i < m; i++)
        {
            double s = b[i];
            for (int k = 0; k < i; k++)
            {
                s -= l[i, k] * y[k];
            }

            y[i] = s / l[i, i];
        }

        var x = new double[m];
        for (int i = m - 1; i >= 0; i--)
        {
            double s = y[i];
            for (int k = i + 1; k < m; k++)
            {
                s -= l[k, i] * x[k];
            }

            x[i] = s / l[i, i];
        }

        return x;
    }
}
