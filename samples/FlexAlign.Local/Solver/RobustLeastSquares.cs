namespace Oompa.Samples.FlexAlign.Local;

/// <summary>
/// Dense least squares with FlexAlign's iterative outlier rejection (thesis §1.2, Xmipp <c>EquationSystemSolver</c>):
/// all weights start at 1; each iteration solves the accepted equations by Householder QR, computes the residuals
/// e_k = b_k − A x_k of every right-hand side k, and rejects (weight 0, permanently) every equation with
/// |e_k| &gt; 3σ_k for <b>any</b> k, where σ_k is the population standard deviation of e_k over the currently accepted
/// equations; it stops when no new outlier appears or after MaxIterations solves. All right-hand sides (x and y)
/// share the design matrix and the rejection mask.
/// </summary>
/// <remarks>
/// Differences from Xmipp, on purpose: σ is taken over the accepted equations (Xmipp: over all, including the already
/// rejected ones); residuals below 1e-9·max(1, RMS(b_k)) are never outliers, so exact data (σ ≈ 0) rejects nothing;
/// a rejection that would leave the system rank-deficient is undone and the previous solution is returned.
/// Sizes: intended for ≤ a few hundred unknowns and ≤ tens of thousands of equations (cost ≈ 2·m·n² per solve).
/// </remarks>
public static class RobustLeastSquares
{
    /// <summary>Solves A x_k ≈ b_k for all right-hand sides with shared iterative 3σ rejection.</summary>
    /// <param name="a">Design matrix (equations × unknowns).</param>
    /// <param name="rightHandSides">One or more vectors of length <c>a.Rows</c> (e.g. x and y), all finite.</param>
    /// <param name="options">Iterations and threshold; <see cref="RobustLeastSquaresOptions.Default"/> if null.</param>
    /// <returns>Solutions, rejection mask, residual RMS.</returns>
    /// <exception cref="UnderdeterminedSystemException">Fewer equations than unknowns, or A is rank-deficient (counts in the message).</exception>
    /// <exception cref="ArgumentException">A right-hand side has the wrong length or a non-finite value (index named).</exception>
    public static RobustLeastSquaresResult Solve(DenseMatrix a, IReadOnlyList<double[]> rightHandSides, RobustLeastSquaresOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(rightHandSides);
        options ??= RobustLeastSquaresOptions.Default;
        options.Validate();
        Validate(a, rightHandSides);

        var m = a.Rows;
        var k = rightHandSides.Count;
        var rejected = new bool[m];
        var floors = new double[k];
        for (var j = 0; j < k; j++)
        {
            var rhs = rightHandSides[j];
            floors[j] = 1e-9 * Math.Max(1, Math.Sqrt(VectorOps.Dot(rhs, rhs) / m));
        }

        var solutions = HouseholderQr.Solve(a, rejected, rightHandSides);
        var residuals = new double[k][];
        for (var j = 0; j < k; j++)
        {
            residuals[j] = new double[m];
        }

        var iterations = 1;
        var converged = false;
        while (true)
        {
            ComputeResiduals(a, rightHandSides, solutions, residuals);
            if (iterations >= options.MaxIterations)
            {
                break;
            }

            var candidate = (bool[])rejected.Clone();
            var newOutliers = MarkOutliers(residuals, candidate, floors, options.RejectionSigmas);
            if (newOutliers == 0)
            {
                converged = true;
                break;
            }

            double[][] next;
            try
            {
                next = HouseholderQr.Solve(a, candidate, rightHandSides);
            }
            catch (UnderdeterminedSystemException)
            {
                break; // keep the previous (full-rank) solution and mask
            }

            rejected = candidate;
            solutions = next;
            iterations++;
        }

        var rms = new double[k];
        for (var j = 0; j < k; j++)
        {
            rms[j] = AcceptedStatistics(residuals[j], rejected).Rms;
        }

        return new RobustLeastSquaresResult(solutions, rejected, rms, iterations, converged);
    }

    /// <summary>Convenience overload for the usual x and y right-hand sides sharing one rejection mask.</summary>
    /// <param name="a">Design matrix.</param>
    /// <param name="bx">x right-hand side.</param>
    /// <param name="by">y right-hand side.</param>
    /// <param name="options">Iterations and threshold.</param>
    /// <returns>Solutions[0] = x, Solutions[1] = y.</returns>
    public static RobustLeastSquaresResult Solve(DenseMatrix a, double[] bx, double[] by, RobustLeastSquaresOptions? options = null) =>
        Solve(a, [bx, by], options);

    private static void Validate(DenseMatrix a, IReadOnlyList<double[]> rhs)
    {
        if (rhs.Count == 0)
        {
            throw new ArgumentException("at least one right-hand side is required.", nameof(rhs));
        }

        for (var j = 0; j < rhs.Count; j++)
        {
            if (rhs[j] is null || rhs[j].Length != a.Rows)
            {
                throw new ArgumentException($"right-hand side {j} has {rhs[j]?.Length ?? 0} values; A has {a.Rows} rows.", nameof(rhs));
            }

            for (var r = 0; r < a.Rows; r++)
            {
                if (!double.IsFinite(rhs[j][r]))
                {
                    throw new ArgumentException($"right-hand side {j}, equation {r} is {rhs[j][r]}; values must be finite.", nameof(rhs));
                }
            }
        }

        for (var r = 0; r < a.Rows; r++)
        {
            foreach (var v in a.Row(r))
            {
                if (!double.IsFinite(v))
                {
                    throw new ArgumentException($"design matrix row {r} contains {v}; values must be finite.", nameof(a));
                }
            }
        }
    }

    private static void ComputeResiduals(DenseMatrix a, IReadOnlyList<double[]> rhs, double[][] x, double[][] e)
    {
        for (var j = 0; j < rhs.Count; j++)
        {
            a.Multiply(x[j], e[j]);
            for (var r = 0; r < a.Rows; r++)
            {
                e[j][r] = rhs[j][r] - e[j][r];
            }
        }
    }

    private static int MarkOutliers(double[][] residuals, bool[] rejected, double[] floors, double sigmas)
    {
        var limits = new double[residuals.Length];
        for (var j = 0; j < residuals.Length; j++)
        {
            limits[j] = Math.Max(sigmas * AcceptedStatistics(residuals[j], rejected).Std, floors[j]);
        }

        var added = 0;
        for (var r = 0; r < rejected.Length; r++)
        {
            if (rejected[r])
            {
                continue;
            }

            for (var j = 0; j < residuals.Length; j++)
            {
                if (Math.Abs(residuals[j][r]) > limits[j])
                {
                    rejected[r] = true;
                    added++;
                    break;
                }
            }
        }

        return added;
    }

    private static (double Std, double Rms) AcceptedStatistics(double[] e, bool[] rejected)
    {
        double sum = 0, sum2 = 0;
        var n = 0;
        for (var r = 0; r < e.Length; r++)
        {
            if (!rejected[r])
            {
                sum += e[r];
                sum2 += e[r] * e[r];
                n++;
            }
        }

        if (n == 0)
        {
            return (0, 0);
        }

        var mean = sum / n;
        return (Math.Sqrt(Math.Max(0, (sum2 / n) - (mean * mean))), Math.Sqrt(sum2 / n));
    }
}
