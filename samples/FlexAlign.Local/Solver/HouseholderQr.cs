namespace Oompa.Samples.FlexAlign.Local;

/// <summary>
/// Least squares min ‖A_S x − b_S‖ over the accepted rows S by Householder QR (no normal equations, so the
/// conditioning is not squared). Several right-hand sides share one factorisation. Columns whose remainder after the
/// earlier reflections is numerically zero make the system rank-deficient.
/// </summary>
internal static class HouseholderQr
{
    /// <summary>Relative size below which a column's remainder counts as linearly dependent.</summary>
    private const double RankTolerance = 1e-10;

    /// <summary>Solves for every right-hand side; throws <see cref="UnderdeterminedSystemException"/> when rank &lt; columns.</summary>
    public static double[][] Solve(DenseMatrix a, ReadOnlySpan<bool> rejected, IReadOnlyList<double[]> rhs)
    {
        var n = a.Columns;
        var m = 0;
        for (var r = 0; r < a.Rows; r++)
        {
            m += rejected[r] ? 0 : 1;
        }

        if (m < n)
        {
            throw new UnderdeterminedSystemException(
                $"underdetermined least squares: {m} accepted equations for {n} unknowns (need at least {n}).", m, n, m);
        }

        // Column-major copies of the accepted rows so reflections run over contiguous memory.
        var q = new double[n * m];
        var b = new double[rhs.Count * m];
        var i = 0;
        for (var r = 0; r < a.Rows; r++)
        {
            if (rejected[r])
            {
                continue;
            }

            var row = a.Row(r);
            for (var c = 0; c < n; c++)
            {
                q[(c * m) + i] = row[c];
            }

            for (var k = 0; k < rhs.Count; k++)
            {
                b[(k * m) + i] = rhs[k][r];
            }

            i++;
        }

        var norms = new double[n];
        var maxNorm = 0.0;
        for (var c = 0; c < n; c++)
        {
            var col = q.AsSpan(c * m, m);
            norms[c] = Math.Sqrt(VectorOps.Dot(col, col));
            maxNorm = Math.Max(maxNorm, norms[c]);
        }

        var diag = new double[n];
        var p = 0; // next pivot row = current rank
        var deficient = 0;
        for (var j = 0; j < n; j++)
        {
            var v = q.AsSpan((j * m) + p, m - p);
            var norm = Math.Sqrt(VectorOps.Dot(v, v));
            if (p >= m || norm <= RankTolerance * Math.Max(norms[j], 1e-3 * maxNorm))
            {
                deficient++;
                continue;
            }

            var alpha = v[0] > 0 ? -norm : norm;
            v[0] -= alpha;
            var vtv = VectorOps.Dot(v, v);
            for (var c = j + 1; c < n; c++)
            {
                var other = q.AsSpan((c * m) + p, m - p);
                VectorOps.Axpy(-2 * VectorOps.Dot(v, other) / vtv, v, other);
            }

            for (var k = 0; k < rhs.Count; k++)
            {
                var other = b.AsSpan((k * m) + p, m - p);
                VectorOps.Axpy(-2 * VectorOps.Dot(v, other) / vtv, v, other);
            }

            diag[j] = alpha;
            p++;
        }

        if (deficient > 0)
        {
            throw new UnderdeterminedSystemException(
                $"rank-deficient least squares: {m} accepted equations for {n} unknowns, but the design matrix has rank {p} < {n}.",
                m, n, p);
        }

        // Back substitution R x = Qᵀb; R[row, c] = q[c·m + row] above the diagonal.
        var solutions = new double[rhs.Count][];
        for (var k = 0; k < rhs.Count; k++)
        {
            var x = new double[n];
            for (var row = n - 1; row >= 0; row--)
            {
                var s = b[(k * m) + row];
                for (var c = row + 1; c < n; c++)
                {
                    s -= q[(c * m) + row] * x[c];
                }

                x[row] = s / diag[row];
            }

            solutions[k] = x;
        }

        return solutions;
    }
}
