namespace Oompa.Samples.FlexAlign.Local.Tests;

/// <summary>Seeded random models and patch measurements for the fitting tests.</summary>
internal static class TestModels
{
    /// <summary>A model with coefficients uniform in ±amplitude (a smooth field by construction).</summary>
    public static LocalMotionModel Random(BSplineGrid grid, int seed, double amplitude = 5)
    {
        var rng = new Random(seed);
        var cx = new double[grid.CoefficientCount];
        var cy = new double[grid.CoefficientCount];
        for (var i = 0; i < cx.Length; i++)
        {
            cx[i] = amplitude * ((2 * rng.NextDouble()) - 1);
            cy[i] = amplitude * ((2 * rng.NextDouble()) - 1);
        }

        return new LocalMotionModel(grid, cx, cy);
    }

    /// <summary>
    /// Measurements at every patch centre of every frame. The measured displacement is the negated compensation,
    /// plus Gaussian noise of standard deviation <paramref name="noise"/>.
    /// </summary>
    public static List<PatchMeasurement> Measure(LocalMotionModel truth, PatchLayout layout, double noise, int seed)
    {
        var rng = new Random(seed);
        var list = new List<PatchMeasurement>();
        for (var t = 0; t < truth.Grid.Frames; t++)
        {
            foreach (var p in layout.Patches())
            {
                var (cx, cy) = truth.Shift(p.CenterX, p.CenterY, t);
                list.Add(new PatchMeasurement(p.CenterX, p.CenterY, t, -cx + (noise * Gauss(rng)), -cy + (noise * Gauss(rng))));
            }
        }

        return list;
    }

    public static double Gauss(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    /// <summary>
    /// Largest |difference| between two models' fields at random pixels of random frames, within the box spanned by the
    /// layout's patch centres (outside it the fit extrapolates) or over the whole frame when no layout is given.
    /// </summary>
    public static double MaxDifference(LocalMotionModel a, LocalMotionModel b, int samples, int seed, PatchLayout? within = null)
    {
        var rng = new Random(seed);
        var g = a.Grid;
        double x0 = 0, x1 = g.Width - 1, y0 = 0, y1 = g.Height - 1;
        if (within is not null)
        {
            (x0, x1) = (within.X.Center(0), within.X.Center(within.CountX - 1));
            (y0, y1) = (within.Y.Center(0), within.Y.Center(within.CountY - 1));
        }

        var max = 0.0;
        for (var i = 0; i < samples; i++)
        {
            var x = x0 + (rng.NextDouble() * (x1 - x0));
            var y = y0 + (rng.NextDouble() * (y1 - y0));
            var t = rng.Next(g.Frames);
            var (ax, ay) = a.Shift(x, y, t);
            var (bx, by) = b.Shift(x, y, t);
            max = Math.Max(max, Math.Max(Math.Abs(ax - bx), Math.Abs(ay - by)));
        }

        return max;
    }
}
