using FsCheck;
using FsCheck.Fluent;

namespace Oompa.Samples.FlexAlign.Local.Tests;

public class BSplineGridTests
{
    [Theory]
    [InlineData(4096, 6, 4096.0 / 3)]
    [InlineData(4096, 3, 4096.0)]
    [InlineData(30, 5, 15.0)]
    [InlineData(30, 4, 30.0)]
    public void Spacing_is_dim_over_l_minus_3_or_dim(int dim, int l, double spacing)
    {
        var g = new BSplineGrid(dim, dim, dim, l, l, l);
        Assert.Equal(spacing, g.SpacingX);
        Assert.Equal(spacing, g.SpacingY);
        Assert.Equal(spacing, g.SpacingT);
    }

    [Fact]
    public void Defaults_are_6_6_5_and_fewer_than_3_points_are_rejected()
    {
        var g = new BSplineGrid(100, 80, 20);
        Assert.Equal((6, 6, 5), (g.ControlPointsX, g.ControlPointsY, g.ControlPointsT));
        Assert.Equal(180, g.CoefficientCount);
        Assert.Throws<ArgumentOutOfRangeException>(() => new BSplineGrid(100, 80, 20, 2, 6, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BSplineGrid(100, 80, 20, 6, 6, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BSplineGrid(0, 80, 20));
    }

    [Fact]
    public void Index_follows_the_xmipp_layout_with_indices_from_minus_one()
    {
        var g = new BSplineGrid(100, 80, 20, 6, 5, 4);
        Assert.Equal(0, g.Index(-1, -1, -1));
        Assert.Equal(1, g.Index(0, -1, -1));
        Assert.Equal(6, g.Index(-1, 0, -1));
        Assert.Equal(30, g.Index(-1, -1, 0));
        Assert.Equal(g.CoefficientCount - 1, g.Index(4, 3, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => g.Index(5, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => g.Index(0, -2, 0));
    }

    [Fact]
    public void Basis_rows_sum_to_one_inside_the_movie_and_match_the_formula() =>
        Prop.ForAll(Arb.From(Gen.Choose(0, 1_000_000)), seed =>
        {
            var rng = new Random(seed);
            // l ≥ 4: with l = 3 FlexAlign's spacing T = dim leaves out control point 2 (see the test below).
            var g = new BSplineGrid(rng.Next(1, 5000), rng.Next(1, 5000), rng.Next(1, 60), rng.Next(4, 9), rng.Next(4, 9), rng.Next(4, 7));
            double x = rng.NextDouble() * g.Width, y = rng.NextDouble() * g.Height, t = rng.Next(g.Frames);
            var row = new double[g.CoefficientCount];
            g.Basis(x, y, t, row);
            Assert.True(Math.Abs(row.Sum() - 1) < 1e-12, $"{g} at ({x}, {y}, {t}): sum {row.Sum()}");
            var kx = rng.Next(-1, g.ControlPointsX - 1);
            var ky = rng.Next(-1, g.ControlPointsY - 1);
            var kt = rng.Next(-1, g.ControlPointsT - 1);
            var expected = CubicBSpline.Value((t / g.SpacingT) - kt) * CubicBSpline.Value((x / g.SpacingX) - kx) * CubicBSpline.Value((y / g.SpacingY) - ky);
            Assert.Equal(expected, row[g.Index(kx, ky, kt)], 1e-15);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void With_three_control_points_the_basis_keeps_the_flexalign_spacing_and_sums_to_one_minus_u_cubed_over_six()
    {
        // FlexAlign/Xmipp: l = 3 gives T = dim and indices −1…1, so β³(u − 2) = u³/6 is missing for u = x/dim ∈ [0, 1).
        var g = new BSplineGrid(100, 100, 10, 3, 4, 4);
        var row = new double[g.CoefficientCount];
        foreach (var x in new[] { 0.0, 25, 50, 99 })
        {
            g.Basis(x, 30, 5, row);
            var u = x / 100;
            Assert.Equal(1 - (u * u * u / 6), row.Sum(), 1e-12);
        }
    }

    [Fact]
    public void Shift_equals_the_basis_row_times_the_coefficients_and_constant_coefficients_give_a_constant_field()
    {
        var g = new BSplineGrid(300, 200, 12, 6, 5, 4);
        var model = TestModels.Random(g, 3);
        var rng = new Random(4);
        var row = new double[g.CoefficientCount];
        for (var i = 0; i < 50; i++)
        {
            double x = rng.NextDouble() * 300, y = rng.NextDouble() * 200, t = rng.Next(12);
            g.Basis(x, y, t, row);
            var (sx, sy) = model.Shift(x, y, t);
            Assert.Equal(row.Select((v, j) => v * model.CoefficientsX[j]).Sum(), sx, 1e-12);
            Assert.Equal(row.Select((v, j) => v * model.CoefficientsY[j]).Sum(), sy, 1e-12);
        }

        var constant = new LocalMotionModel(g, Enumerable.Repeat(2.5, g.CoefficientCount).ToArray(), Enumerable.Repeat(-1.0, g.CoefficientCount).ToArray());
        var (cx, cy) = constant.Shift(123.4, 56.7, 5);
        Assert.Equal(2.5, cx, 1e-12);
        Assert.Equal(-1.0, cy, 1e-12);
        Assert.Throws<ArgumentException>(() => constant.Shift(double.NaN, 0, 0));
    }
}
