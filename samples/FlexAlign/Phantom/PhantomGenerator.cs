namespace Oompa.Samples.FlexAlign.Phantom;

/// <summary>
/// Renders <see cref="PhantomSettings"/> movies. The grid is rendered analytically: each pixel holds the exact fraction
/// of its area covered by the union of horizontal and vertical lines of the moved scene (<c>cx + cy − cx·cy</c>, with
/// cx, cy the exact 1-D coverages), so the global shift is exact to double precision and no interpolation is involved
/// (the paper interpolated bilinearly). With doming, the doming displacement is evaluated at the pixel centre and the
/// pixel is rendered as the area coverage of the locally translated scene.
/// </summary>
public static class PhantomGenerator
{
    /// <summary>Generates the movie (parallel over rows; deterministic for a given seed).</summary>
    public static PhantomMovie Generate(PhantomSettings settings, ParallelOptions? parallel = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        int w = settings.Width;
        int h = settings.Height;
        int n = settings.Frames;
        var frames = new float[checked((long)w * h * n)];
        var drifts = new FrameShift[n];
        for (int t = 0; t < n; t++)
        {
            drifts[t] = settings.Drift(t);
        }

        var options = parallel ?? new ParallelOptions();
        options.CancellationToken = cancellationToken;
        Parallel.For(0, (long)h * n, options, () => new double[w], (row, _, coverageX) =>
        {
            int t = (int)(row / h);
            int y = (int)(row % h);
            RenderRow(settings, drifts[t], t, y, coverageX, frames.AsSpan((int)(row * w), w));
            return coverageX;
        }, _ => { });
        return new PhantomMovie(settings, frames, drifts);
    }

    private static void RenderRow(PhantomSettings s, FrameShift drift, int t, int y, double[] coverageX, Span<float> destination)
    {
        int w = s.Width;
        double contrast = s.MuBackground - s.MuForeground;
        var rng = new SplitMix64(unchecked(((ulong)(uint)s.Seed << 32) ^ ((ulong)(uint)t << 20) ^ (uint)y ^ 0x9E3779B97F4A7C15UL));
        bool rigid = s.Doming is null;
        double cy = rigid ? Coverage(s, y - drift.Y) : 0;
        if (rigid)
        {
            for (int x = 0; x < w; x++)
            {
                coverageX[x] = Coverage(s, x - drift.X);
            }
        }

        for (int x = 0; x < w; x++)
        {
            double vx = coverageX[x];
            double vy = cy;
            if (!rigid)
            {
                var d = s.Doming!.Displacement(x + 0.5, y + 0.5, t, s.Frames, s.Width, s.Height);
                vx = Coverage(s, x - drift.X - d.X);
                vy = Coverage(s, y - drift.Y - d.Y);
            }

            double v = vx + vy - (vx * vy);
            double mu = s.MuBackground - (contrast * v);
            destination[x] = (float)(s.Noise ? rng.NextPoisson(mu) : mu);
        }
    }

    /// <summary>Fraction of the scene interval [a, a + 1) covered by lines [k·P, k·P + W).</summary>
    private static double Coverage(PhantomSettings s, double a) => Integral(s, a + 1) - Integral(s, a);

    /// <summary>Length of line coverage on [0, a) for the periodic line pattern (any sign of a).</summary>
    private static double Integral(PhantomSettings s, double a)
    {
        double period = s.LineSpacing;
        double k = Math.Floor(a / period);
        double rest = a - (k * period);
        return (k * s.LineWidth) + Math.Min(rest, s.LineWidth);
    }
}
