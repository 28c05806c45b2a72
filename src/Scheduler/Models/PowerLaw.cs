namespace Oompa.Scheduler.Models;

/// <summary>A fitted time = a·n^b over sizes in [<see cref="MinSize"/>, <see cref="MaxSize"/>].</summary>
/// <param name="A">Scale.</param>
/// <param name="B">Exponent.</param>
/// <param name="MinSize">Smallest size fitted.</param>
/// <param name="MaxSize">Largest size fitted.</param>
public sealed record PowerLaw(double A, double B, long MinSize, long MaxSize)
{
    /// <summary>The predicted time at <paramref name="size"/>.</summary>
    public double Evaluate(long size) => A * Math.Pow(size, B);

    /// <summary>
    /// Least squares in log-log space over (size, seconds) points with positive values; null unless at least two
    /// distinct sizes span more than 10 % (StarPU's condition <c>minx &lt; 0.9·maxx</c>).
    /// </summary>
    public static PowerLaw? Fit(IEnumerable<(long Size, double Seconds)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int n = 0;
        long min = long.MaxValue, max = 0;
        foreach (var (size, seconds) in points)
        {
            if (size <= 0 || !(seconds > 0) || !double.IsFinite(seconds))
            {
                continue;
            }

            double x = Math.Log(size), y = Math.Log(seconds);
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
            n++;
            min = Math.Min(min, size);
            max = Math.Max(max, size);
        }

        if (n < 2 || !(min < 0.9 * max))
        {
            return null;
        }

        double denominator = (n * sxx) - (sx * sx);
        if (denominator <= 0)
        {
            return null;
        }

        double b = ((n * sxy) - (sx * sy)) / denominator;
        double a = Math.Exp((sy - (b * sx)) / n);
        return double.IsFinite(a) && double.IsFinite(b) ? new PowerLaw(a, b, min, max) : null;
    }
}
