using Oompa.Algorithms.Common;

namespace Oompa.Algorithms.Extrema.Cpu;

/// <summary>
/// Least-squares fit of q(p) = a + Σ bᵢpᵢ + Σ dᵢpᵢ² + Σ gᵢⱼpᵢpⱼ to the scores (their logarithms when all are positive,
/// which makes the fit exact for Gaussian peaks of any width and orientation) over the 3^k grid {−1, 0, 1}^k around the
/// extremum, and the vertex of q. On that grid the normal equations decouple into closed forms:
/// bᵢ = Σ pᵢ·v / (2·3^(k−1)), dᵢ = Σ over the 3^(k−1) lines along i of (v₊ − 2v₀ + v₋) / (2·3^(k−1)),
/// gᵢⱼ = Σ pᵢpⱼ·v / (4·3^(k−2)).
/// </summary>
internal static unsafe class QuadraticFit
{
    /// <summary>
    /// The vertex offset (each component in [−1, 1], the extent of the fitted grid) of the fit over the active axes, or false when a score is NaN
    /// or the fitted quadratic has no maximum there.
    /// </summary>
    public static bool TryVertex(ExtremaType type, float* origin, BoxGeometry box, long bx, int by, int bz, bool ax, bool ay, bool az, out (double X, double Y, double Z) vertex)
    {
        vertex = default;
        int rx = ax ? 1 : 0, ry = ay ? 1 : 0, rz = az ? 1 : 0;
        int k = rx + ry + rz;
        Span<double> v = stackalloc double[27];
        bool allPositive = true;
        int count = 0;
        for (int z = -rz; z <= rz; z++)
        {
            for (int y = -ry; y <= ry; y++)
            {
                for (int x = -rx; x <= rx; x++)
                {
                    double s = ExtremumScore.Of(type, origin[ExtremaRefinement.Offset(box, bx + x, by + y, bz + z)]);
                    if (!double.IsFinite(s))
                    {
                        return false;
                    }

                    allPositive &= s > 0;
                    v[count++] = s;
                }
            }
        }

        if (allPositive)
        {
            for (int i = 0; i < count; i++)
            {
                v[i] = Math.Log(v[i]);
            }
        }

        // Accumulate the closed-form sums over the grid, indexed by active axis 0..k−1.
        Span<double> b = stackalloc double[3];
        Span<double> d = stackalloc double[3];
        Span<double> g = stackalloc double[9];
        b.Clear();
        d.Clear();
        g.Clear();
        Span<int> p = stackalloc int[3];
        int n = 0;
        for (int z = -rz; z <= rz; z++)
        {
            for (int y = -ry; y <= ry; y++)
            {
                for (int x = -rx; x <= rx; x++)
                {
                    int a = 0;
                    if (ax)
                    {
                        p[a++] = x;
                    }

                    if (ay)
                    {
                        p[a++] = y;
                    }

                    if (az)
                    {
                        p[a++] = z;
                    }

                    double value = v[n++];
                    for (int i = 0; i < k; i++)
                    {
                        b[i] += p[i] * value;
                        d[i] += p[i] == 0 ? -2 * value : value;
                        for (int j = i + 1; j < k; j++)
                        {
                            g[(i * 3) + j] += p[i] * p[j] * value;
                        }
                    }
                }
            }
        }

        double lines = Math.Pow(3, k - 1);
        Span<double> h = stackalloc double[9];
        Span<double> rhs = stackalloc double[3];
        for (int i = 0; i < k; i++)
        {
            // Hessian of q: 2dᵢ on the diagonal, gᵢⱼ off it; the vertex solves H·p = −b.
            h[(i * 3) + i] = 2 * d[i] / (2 * lines);
            rhs[i] = -b[i] / (2 * lines);
            for (int j = i + 1; j < k; j++)
            {
                double gij = g[(i * 3) + j] / (4 * Math.Pow(3, k - 2));
                h[(i * 3) + j] = gij;
                h[(j * 3) + i] = gij;
            }
        }

        Span<double> solution = stackalloc double[3];
        if (!SolveNegativeDefinite(h, rhs, k, solution))
        {
            return false;
        }

        Span<double> offset = stackalloc double[3];
        int s2 = 0;
        offset[0] = ax ? Math.Clamp(solution[s2++], -1, 1) : 0;
        offset[1] = ay ? Math.Clamp(solution[s2++], -1, 1) : 0;
        offset[2] = az ? Math.Clamp(solution[s2], -1, 1) : 0;
        vertex = (offset[0], offset[1], offset[2]);
        return true;
    }

    /// <summary>Solves H·x = r for a symmetric k×k (k ≤ 3) H by Cholesky of −H; false unless −H is positive definite.</summary>
    private static bool SolveNegativeDefinite(ReadOnlySpan<double> h, ReadOnlySpan<double> r, int k, Span<double> x)
    {
        Span<double> l = stackalloc double[9];
        l.Clear();
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double sum = -h[(i * 3) + j];
                for (int m = 0; m < j; m++)
                {
                    sum -= l[(i * 3) + m] * l[(j * 3) + m];
                }

                if (i == j)
                {
                    if (!(sum > 0))
                    {
                        return false;
                    }

                    l[(i * 3) + i] = Math.Sqrt(sum);
                }
                else
                {
                    l[(i * 3) + j] = sum / l[(j * 3) + j];
                }
            }
        }

        // (−H)·x = −r: forward then backward substitution.
        Span<double> y = stackalloc double[3];
        for (int i = 0; i < k; i++)
        {
            double sum = -r[i];
            for (int m = 0; m < i; m++)
            {
                sum -= l[(i * 3) + m] * y[m];
            }

            y[i] = sum / l[(i * 3) + i];
        }

        for (int i = k - 1; i >= 0; i--)
        {
            double sum = y[i];
            for (int m = i + 1; m < k; m++)
            {
                sum -= l[(m * 3) + i] * x[m];
            }

            x[i] = sum / l[(i * 3) + i];
        }

        return true;
    }
}
