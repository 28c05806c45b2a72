using FsCheck;
using FsCheck.Fluent;
using Oompa.Algorithms.Extrema;
using Oompa.Algorithms.Tests.Support;
using Oompa.Core.Algorithms;
using Oompa.Core.Data;
using Oompa.Core.Devices;

namespace Oompa.Algorithms.Tests.Extrema;

/// <summary>
/// Sub-pixel refinement every ExtremaFinder strategy must deliver. Peak shapes and tolerances are stated per test; the
/// tolerances were verified by evaluating the same formulas in double precision over dense grids of offsets.
/// </summary>
public abstract class ExtremaPrecisionConformance
{
    /// <summary>The single strategy under test.</summary>
    protected abstract StrategyFactory<ExtremaOutput, ExtremaInput, ExtremaSettings> Strategy { get; }

    private float[] Locate(Size size, float[] data, ExtremaPrecision precision, ExtremaType type = ExtremaType.Max, SearchRegion? region = null) =>
        ExtremaRun.Run(Strategy, new LogicalDescriptor(size), data, new ExtremaSettings(type, region ?? SearchRegion.Entire, ExtremaResult.Location, precision)).Locations!;

    /// <summary>Samples exp(−|r − c|²/2σ²) on a grid (a separable Gaussian), in double, stored as float.</summary>
    private static float[] Gaussian(Size size, double cx, double cy, double cz, double sigma)
    {
        var data = new float[size.Total];
        for (int z = 0, i = 0; z < size.Z; z++)
        {
            for (int y = 0; y < size.Y; y++)
            {
                for (int x = 0; x < size.X; x++, i++)
                {
                    double r2 = ((x - cx) * (x - cx)) + (size.Y > 1 ? (y - cy) * (y - cy) : 0) + (size.Z > 1 ? (z - cz) * (z - cz) : 0);
                    data[i] = (float)Math.Exp(-r2 / (2 * sigma * sigma));
                }
            }
        }

        return data;
    }

    private static Gen<double> Fraction => Gen.Choose(0, 1000).Select(v => v / 1000.0);

    [Fact]
    public void Weighted3x3_reproduces_the_documented_example_and_clips_at_the_search_box()
    {
        // Values 0.1, 1, 0.5 at x = 6, 7, 8: (6·0.1 + 7·1 + 8·0.5) / (0.1 + 1 + 0.5) = 7.25.
        float[] data = new float[12];
        (data[6], data[7], data[8]) = (0.1f, 1f, 0.5f);
        Assert.Equal(7.25f, Locate(new Size(12), data, ExtremaPrecision.Weighted3x3)[0], 5);

        // Min uses negated values, so weights stay positive: the same position.
        float[] negated = [.. data.Select(v => -v)];
        Assert.Equal(7.25f, Locate(new Size(12), negated, ExtremaPrecision.Weighted3x3, ExtremaType.Min)[0], 5);

        // A window starting at x = 7 leaves out x = 6: (7·1 + 8·0.5) / 1.5.
        Assert.Equal(11f / 1.5f, Locate(new Size(12), data, ExtremaPrecision.Weighted3x3, region: SearchRegion.Window(new Size(5), 7))[0], 5);

        // Negative neighbours get weight 0 instead of pushing the centroid away: (7·1 + 8·0.5) / 1.5 again.
        data[6] = -0.4f;
        Assert.Equal(11f / 1.5f, Locate(new Size(12), data, ExtremaPrecision.Weighted3x3)[0], 5);
    }

    [Fact]
    public void Weighted3x3_and_centroid_locate_narrow_gaussian_peaks_within_0_05_px() =>
        // Peak: Gaussian with σ in [0.45, 0.60] px, centre anywhere in a pixel. Worst error of the 3×3 centroid over
        // that σ range (dense grid, double precision) is 0.048 px; σ = 0.5 gives 0.026 px. Centroid's window stops at
        // half-size 1 for these peaks (a neighbour half a pixel away already falls below max/√2), so it is a 3×3
        // centroid too.
        Prop.ForAll(
            Arb.From(
                from fx in Fraction
                from fy in Fraction
                from fz in Fraction
                from sigma in Gen.Choose(450, 600).Select(v => v / 1000.0)
                from dims in Gen.Choose(1, 3)
                from precision in Gen.Elements(ExtremaPrecision.Weighted3x3, ExtremaPrecision.Centroid)
                select (fx, fy, fz, sigma, dims, precision)),
            p =>
            {
                var size = p.dims switch { 1 => new Size(17), 2 => new Size(16, 13), _ => new Size(11, 10, 9) };
                double cx = 6 + p.fx, cy = size.Y > 1 ? 5 + p.fy : 0, cz = size.Z > 1 ? 4 + p.fz : 0;
                float[] at = Locate(size, Gaussian(size, cx, cy, cz, p.sigma), p.precision);
                Assert.InRange(at[0], cx - 0.05, cx + 0.05);
                Assert.InRange(at[1], cy - 0.05, cy + 0.05);
                Assert.InRange(at[2], cz - 0.05, cz + 0.05);
            }).QuickCheckThrowOnFailure();

    [Fact]
    public void Weighted3x3_and_centroid_are_biased_towards_the_integer_pixel_for_wide_gaussians() =>
        // Peak: Gaussian with σ in [1.5, 2.0] px. A 3×3 centroid cannot reach 0.05 px here: the estimate lies between
        // the integer maximum and the true centre, up to 0.42 px short (σ = 2, centre half-way between pixels).
        Prop.ForAll(
            Arb.From(
                from fx in Fraction
                from fy in Fraction
                from sigma in Gen.Choose(1500, 2000).Select(v => v / 1000.0)
                from precision in Gen.Elements(ExtremaPrecision.Weighted3x3, ExtremaPrecision.Centroid)
                select (fx, fy, sigma, precision)),
            p =>
            {
                var size = new Size(24, 21);
                double cx = 10 + p.fx, cy = 9 + p.fy;
                float[] data = Gaussian(size, cx, cy, 0, p.sigma);
                float[] integer = Locate(size, data, ExtremaPrecision.Integer);
                float[] at = Locate(size, data, p.precision);
                Assert.InRange(at[0], Math.Min(integer[0], cx) - 1e-4, Math.Max(integer[0], cx) + 1e-4);
                Assert.InRange(at[1], Math.Min(integer[1], cy) - 1e-4, Math.Max(integer[1], cy) + 1e-4);
                Assert.InRange(Math.Abs(at[0] - cx), 0, 0.45);
                Assert.InRange(Math.Abs(at[1] - cy), 0, 0.45);
            }).QuickCheckThrowOnFailure();

    [Fact]
    public void Gaussian_fit_locates_gaussian_peaks_of_any_width_within_0_01_px() =>
        // Peak: Gaussian with σ in [0.5, 4] px, centre anywhere in a pixel, 1D/2D/3D, maximum or (negated) minimum.
        // The log-parabola through three samples of a Gaussian is exact; the tolerance covers float rounding of the data.
        Prop.ForAll(
            Arb.From(
                from fx in Fraction
                from fy in Fraction
                from fz in Fraction
                from sigma in Gen.Choose(500, 4000).Select(v => v / 1000.0)
                from dims in Gen.Choose(1, 3)
                from type in Gen.Elements(ExtremaType.Max, ExtremaType.Min, ExtremaType.AbsMax)
                select (fx, fy, fz, sigma, dims, type)),
            p =>
            {
                var size = p.dims switch { 1 => new Size(33), 2 => new Size(32, 29), _ => new Size(19, 18, 17) };
                double cx = (size.X / 2) + p.fx, cy = size.Y > 1 ? (size.Y / 2) + p.fy : 0, cz = size.Z > 1 ? (size.Z / 2) + p.fz : 0;
                float[] data = Gaussian(size, cx, cy, cz, p.sigma);
                if (p.type == ExtremaType.Min)
                {
                    data = [.. data.Select(v => -v)];
                }

                float[] at = Locate(size, data, ExtremaPrecision.GaussianFit3, p.type);
                Assert.InRange(at[0], cx - 0.01, cx + 0.01);
                Assert.InRange(at[1], cy - 0.01, cy + 0.01);
                Assert.InRange(at[2], cz - 0.01, cz + 0.01);
            }).QuickCheckThrowOnFailure();

    [Fact]
    public void Gaussian_fit_locates_rotated_anisotropic_gaussians_within_0_01_px() =>
        // Peak: 2D Gaussian with principal σ in [0.8, 4] px each, rotated by any angle; the log-quadratic fit with cross
        // terms is exact for it, the tolerance covers float rounding.
        Prop.ForAll(
            Arb.From(
                from fx in Fraction
                from fy in Fraction
                from s1 in Gen.Choose(800, 4000).Select(v => v / 1000.0)
                from s2 in Gen.Choose(800, 4000).Select(v => v / 1000.0)
                from angle in Gen.Choose(0, 179).Select(v => v * Math.PI / 180)
                select (fx, fy, s1, s2, angle)),
            p =>
            {
                var size = new Size(32, 29);
                double cx = 16 + p.fx, cy = 14 + p.fy, c = Math.Cos(p.angle), s = Math.Sin(p.angle);
                var data = new float[size.Total];
                for (int y = 0; y < size.Y; y++)
                {
                    for (int x = 0; x < size.X; x++)
                    {
                        double u = ((x - cx) * c) + ((y - cy) * s), w = (-(x - cx) * s) + ((y - cy) * c);
                        data[(y * size.X) + x] = (float)Math.Exp(-((u * u / (2 * p.s1 * p.s1)) + (w * w / (2 * p.s2 * p.s2))));
                    }
                }

                float[] at = Locate(size, data, ExtremaPrecision.GaussianFit3);
                Assert.InRange(at[0], cx - 0.01, cx + 0.01);
                Assert.InRange(at[1], cy - 0.01, cy + 0.01);
            }).QuickCheckThrowOnFailure();

    [Fact]
    public void Gaussian_fit_keeps_integer_coordinates_on_border_axes_and_ignores_nan_neighbours()
    {
        float[] edge = [1f, 0.5f, 0.2f, 0.1f, 0f];
        Assert.Equal(0f, Locate(new Size(5), edge, ExtremaPrecision.GaussianFit3)[0]);
        float[] nan = [0f, float.NaN, 1f, 0.5f, 0f];
        Assert.Equal(2f, Locate(new Size(5), nan, ExtremaPrecision.GaussianFit3)[0]);
        float[] parabola = [0f, -1f, 2f, 1f, 0f];
        Assert.Equal(2f + (0.5f * (-1f - 1f) / (-1f - 4f + 1f)), Locate(new Size(5), parabola, ExtremaPrecision.GaussianFit3)[0], 5);
    }

    [Fact]
    public void Both_refinements_recover_a_bilinearly_shifted_delta_exactly() =>
        // Peak: a delta shifted by bilinear interpolation, v = (1 − |x − cx|)₊ (1 − |y − cy|)₊; the 3×3 centroid of this
        // shape is exact, so the tolerance is float rounding (1e-4 px).
        Prop.ForAll(
            Arb.From(from fx in Fraction from fy in Fraction select (fx, fy)),
            p =>
            {
                var size = new Size(15, 12, 1, 3);
                double cx = 7 + (p.fx * 0.98), cy = 5 + (p.fy * 0.98);
                float[] data = new float[size.Total];
                for (int n = 0; n < size.N; n++)
                {
                    for (int y = 0; y < size.Y; y++)
                    {
                        for (int x = 0; x < size.X; x++)
                        {
                            data[(n * 180) + (y * 15) + x] = (float)(Math.Max(0, 1 - Math.Abs(x - cx)) * Math.Max(0, 1 - Math.Abs(y - cy)) * (n + 1));
                        }
                    }
                }

                foreach (var precision in new[] { ExtremaPrecision.Weighted3x3, ExtremaPrecision.Centroid })
                {
                    float[] at = Locate(size, data, precision);
                    for (int n = 0; n < size.N; n++)
                    {
                        Assert.Equal(cx, at[3 * n], 4);
                        Assert.Equal(cy, at[(3 * n) + 1], 4);
                        Assert.Equal(0, at[(3 * n) + 2]);
                    }
                }
            }).QuickCheckThrowOnFailure();

    [Fact]
    public void Centroid_grows_until_a_value_falls_below_max_over_sqrt2_and_uses_that_window()
    {
        // Max 1 at x = 4; threshold 1/√2 ≈ 0.707. Half-size 1 (0.9, 0.8) passes, half-size 2 (0.5, 0.3) fails, so the
        // centroid runs over x = 2..6: (2·0.5 + 3·0.9 + 4·1 + 5·0.8 + 6·0.3) / 3.5 = 13.5 / 3.5.
        float[] data = [0, 0.2f, 0.5f, 0.9f, 1, 0.8f, 0.3f, 0, 0.1f, 0];
        Assert.Equal(13.5f / 3.5f, Locate(new Size(10), data, ExtremaPrecision.Centroid)[0], 5);

        // Next to the search-box border the window shrinks symmetrically: a box from x = 3 puts the maximum one element
        // from the border, so the window is x = 3..5: (3·0.9 + 4·1 + 5·0.8) / 2.7.
        Assert.Equal(10.7f / 2.7f, Locate(new Size(10), data, ExtremaPrecision.Centroid, region: SearchRegion.Window(new Size(7), 3))[0], 5);

        // A maximum on the border has a window of half-size 0: the integer location.
        Assert.Equal(3f, Locate(new Size(10), data, ExtremaPrecision.Centroid, region: SearchRegion.Window(new Size(2), 2))[0]);
    }

    [Fact]
    public void Non_positive_peak_scores_keep_the_integer_location()
    {
        // Max of negative data: the score is not positive, so no weights can be formed.
        float[] data = [-5, -3, -1, -2, -4];
        Assert.Equal(2f, Locate(new Size(5), data, ExtremaPrecision.Weighted3x3)[0]);
        Assert.Equal(2f, Locate(new Size(5), data, ExtremaPrecision.Centroid)[0]);
        // Min of the same data scores −v > 0: refinement applies around x = 0 (weights 1, 3/5): (0·1 + 1·0.6) / 1.6.
        Assert.Equal(0.6f / 1.6f, Locate(new Size(5), data, ExtremaPrecision.Weighted3x3, ExtremaType.Min)[0], 5);
    }
}

public sealed class CpuSingleThreadedExtremaPrecisionTests : ExtremaPrecisionConformance
{
    protected override StrategyFactory<ExtremaOutput, ExtremaInput, ExtremaSettings> Strategy =>
        ExtremaFinderStrategies.Cpu(new CpuDevice(4)).Single(f => f.Name == ExtremaFinderStrategies.CpuSingleThreaded);
}

public sealed class CpuMultiThreadedExtremaPrecisionTests : ExtremaPrecisionConformance
{
    protected override StrategyFactory<ExtremaOutput, ExtremaInput, ExtremaSettings> Strategy =>
        ExtremaFinderStrategies.Cpu(new CpuDevice(4)).Single(f => f.Name == ExtremaFinderStrategies.CpuMultiThreaded);
}

public sealed class OpenClExtremaPrecisionTests : ExtremaPrecisionConformance
{
    protected override StrategyFactory<ExtremaOutput, ExtremaInput, ExtremaSettings> Strategy =>
        ExtremaFinderStrategies.OpenCl(OpenClTestDevice.Device).Single();
}
