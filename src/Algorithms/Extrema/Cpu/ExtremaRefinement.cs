using Oompa.Algorithms.Common;

namespace Oompa.Algorithms.Extrema.Cpu;

/// <summary>
/// Sub-pixel refinement around an integer extremum at box coordinates (<c>bx</c>, <c>by</c>, <c>bz</c>); results are
/// box coordinates. Both methods return the integer location when the extremum's score is not positive and finite.
/// </summary>
internal static unsafe class ExtremaRefinement
{
    private static readonly double InverseSqrt2 = 1 / Math.Sqrt(2);

    /// <summary>Centroid over the 3 / 3×3 / 3×3×3 neighbourhood clipped at the box, weights max(0, s/s_ext), NaN skipped.</summary>
    public static (double X, double Y, double Z) Weighted3x3(ExtremaType type, float* origin, BoxGeometry box, long bx, int by, int bz)
    {
        double peak = ExtremumScore.Of(type, origin[Offset(box, bx, by, bz)]);
        if (!(peak > 0) || double.IsPositiveInfinity(peak))
        {
            return (bx, by, bz);
        }

        double sw = 0, sx = 0, sy = 0, sz = 0;
        for (int z = Math.Max(0, bz - 1); z <= Math.Min(box.Depth - 1, bz + 1); z++)
        {
            for (int y = Math.Max(0, by - 1); y <= Math.Min(box.Height - 1, by + 1); y++)
            {
                for (long x = Math.Max(0, bx - 1); x <= Math.Min(box.Width - 1, bx + 1); x++)
                {
                    double s = ExtremumScore.Of(type, origin[Offset(box, x, y, z)]);
                    if (double.IsNaN(s))
                    {
                        continue;
                    }

                    double w = Math.Max(0, s / peak);
                    sw += w;
                    sx += x * w;
                    sy += y * w;
                    sz += z * w;
                }
            }
        }

        return (sx / sw, sy / sw, sz / sw);
    }

    /// <summary>
    /// FlexAlign/Xmipp centroid: grow half-size n = 1, 2, … (along axes where the box is longer than one) until the
    /// window leaves the box or holds a score below s_ext/√2 or NaN; shrink that n symmetrically to fit the box; centroid
    /// over the window with weights max(0, s), NaN skipped.
    /// </summary>
    public static (double X, double Y, double Z) Centroid(ExtremaType type, float* origin, BoxGeometry box, long bx, int by, int bz)
    {
        double peak = ExtremumScore.Of(type, origin[Offset(box, bx, by, bz)]);
        bool ax = box.Width > 1, ay = box.Height > 1, az = box.Depth > 1;
        if (!(peak > 0) || double.IsPositiveInfinity(peak) || !(ax || ay || az))
        {
            return (bx, by, bz);
        }

        double threshold = peak * InverseSqrt2;
        long fit = long.MaxValue;
        fit = ax ? Math.Min(fit, Math.Min(bx, box.Width - 1 - bx)) : fit;
        fit = ay ? Math.Min(fit, Math.Min(by, box.Height - 1 - by)) : fit;
        fit = az ? Math.Min(fit, Math.Min(bz, box.Depth - 1 - bz)) : fit;

        long n = 1;
        while (n <= fit && ShellAtLeast(type, origin, box, bx, by, bz, n, ax, ay, az, threshold))
        {
            n++;
        }

        long m = Math.Min(n, fit);
        long nx = ax ? m : 0, ny = ay ? m : 0, nz = az ? m : 0;
        double sw = 0, sx = 0, sy = 0, sz = 0;
        for (long z = bz - nz; z <= bz + nz; z++)
        {
            for (long y = by - ny; y <= by + ny; y++)
            {
                for (long x = bx - nx; x <= bx + nx; x++)
                {
                    double s = ExtremumScore.Of(type, origin[Offset(box, x, y, z)]);
                    if (s > 0)
                    {
                        sw += s;
                        sx += x * s;
                        sy += y * s;
                        sz += z * s;
                    }
                }
            }
        }

        return (sx / sw, sy / sw, sz / sw);
    }

    /// <summary>Whether every score on the shell of half-size <paramref name="n"/> (inside the box) is at least the threshold.</summary>
    private static bool ShellAtLeast(ExtremaType type, float* origin, BoxGeometry box, long bx, long by, long bz, long n, bool ax, bool ay, bool az, double threshold)
    {
        long nx = ax ? n : 0, ny = ay ? n : 0, nz = az ? n : 0;
        for (long z = bz - nz; z <= bz + nz; z++)
        {
            for (long y = by - ny; y <= by + ny; y++)
            {
                bool wholeRow = (az && Math.Abs(z - bz) == n) || (ay && Math.Abs(y - by) == n);
                if (wholeRow)
                {
                    for (long x = bx - nx; x <= bx + nx; x++)
                    {
                        if (!(ExtremumScore.Of(type, origin[Offset(box, x, y, z)]) >= threshold))
                        {
                            return false;
                        }
                    }
                }
                else if (ax
                    && !(ExtremumScore.Of(type, origin[Offset(box, bx - n, y, z)]) >= threshold
                        && ExtremumScore.Of(type, origin[Offset(box, bx + n, y, z)]) >= threshold))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// Least-squares quadratic (with cross terms) through the log-scores of the full 3 / 3×3 / 3×3×3 neighbourhood; per-axis
    /// three-point fits where that neighbourhood is clipped or holds NaN; see <see cref="ExtremaPrecision.GaussianFit3"/>.
    /// </summary>
    public static (double X, double Y, double Z) GaussianFit3(ExtremaType type, float* origin, BoxGeometry box, long bx, int by, int bz)
    {
        double peak = ExtremumScore.Of(type, origin[Offset(box, bx, by, bz)]);
        if (!(peak > 0) || double.IsPositiveInfinity(peak))
        {
            return (bx, by, bz);
        }

        // Axes the neighbourhood spans: those along which the box is longer than one.
        bool ax = box.Width > 1, ay = box.Height > 1, az = box.Depth > 1;
        bool inside = (!ax || (bx > 0 && bx < box.Width - 1)) && (!ay || (by > 0 && by < box.Height - 1)) && (!az || (bz > 0 && bz < box.Depth - 1));
        if (inside && QuadraticFit.TryVertex(type, origin, box, bx, by, bz, ax, ay, az, out var vertex))
        {
            // The largest sample of an elongated, tilted peak need not be the pixel nearest its vertex: re-centre the
            // neighbourhood on the pixel nearest the vertex and fit again while that moves it (a few steps at most).
            long cx = bx;
            int cy = by, cz = bz;
            for (int step = 0; step < 3 && (Math.Abs(vertex.X) > 0.5 || Math.Abs(vertex.Y) > 0.5 || Math.Abs(vertex.Z) > 0.5); step++)
            {
                long nx = cx + (long)Math.Round(vertex.X);
                int ny = cy + (int)Math.Round(vertex.Y), nz = cz + (int)Math.Round(vertex.Z);
                bool movedInside = (!ax || (nx > 0 && nx < box.Width - 1)) && (!ay || (ny > 0 && ny < box.Height - 1)) && (!az || (nz > 0 && nz < box.Depth - 1));
                if (!movedInside || !QuadraticFit.TryVertex(type, origin, box, nx, ny, nz, ax, ay, az, out var moved))
                {
                    break;
                }

                (cx, cy, cz, vertex) = (nx, ny, nz, moved);
            }

            return (cx + vertex.X, cy + vertex.Y, cz + vertex.Z);
        }

        double dx = bx > 0 && bx < box.Width - 1
            ? Vertex(ExtremumScore.Of(type, origin[Offset(box, bx - 1, by, bz)]), peak, ExtremumScore.Of(type, origin[Offset(box, bx + 1, by, bz)]))
            : 0;
        double dy = by > 0 && by < box.Height - 1
            ? Vertex(ExtremumScore.Of(type, origin[Offset(box, bx, by - 1, bz)]), peak, ExtremumScore.Of(type, origin[Offset(box, bx, by + 1, bz)]))
            : 0;
        double dz = bz > 0 && bz < box.Depth - 1
            ? Vertex(ExtremumScore.Of(type, origin[Offset(box, bx, by, bz - 1)]), peak, ExtremumScore.Of(type, origin[Offset(box, bx, by, bz + 1)]))
            : 0;
        return (bx + dx, by + dy, bz + dz);
    }

    /// <summary>Offset of the vertex of the parabola through (−1, m), (0, c), (1, p), on logarithms when all are positive.</summary>
    private static double Vertex(double minus, double centre, double plus)
    {
        if (double.IsNaN(minus) || double.IsNaN(plus))
        {
            return 0;
        }

        if (minus > 0 && plus > 0)
        {
            minus = Math.Log(minus);
            centre = Math.Log(centre);
            plus = Math.Log(plus);
        }

        double curvature = minus - (2 * centre) + plus;
        return curvature < 0 ? Math.Clamp(0.5 * (minus - plus) / curvature, -0.5, 0.5) : 0;
    }

    internal static long Offset(BoxGeometry box, long x, long y, long z) => (z * box.PlaneStride) + (y * box.RowStride) + x;
}
