using FsCheck;
using FsCheck.Fluent;

namespace Oompa.Samples.FlexAlign.Local.Tests;

public class CubicBSplineTests
{
    private static Gen<double> Arguments => Gen.Choose(-400_000, 400_000).Select(i => i / 100_000.0);

    [Fact]
    public void Integer_translates_sum_to_one() =>
        Prop.ForAll(Arb.From(Arguments), u =>
        {
            var s = 0.0;
            for (var k = -6; k <= 6; k++)
            {
                s += CubicBSpline.Value(u - k);
            }

            Assert.Equal(1.0, s, 1e-14);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Is_even_non_negative_and_its_derivative_is_odd() =>
        Prop.ForAll(Arb.From(Arguments), u =>
        {
            Assert.Equal(CubicBSpline.Value(u), CubicBSpline.Value(-u));
            Assert.True(CubicBSpline.Value(u) >= 0);
            Assert.Equal(-CubicBSpline.Derivative(u), CubicBSpline.Derivative(-u));
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Derivative_matches_central_differences() =>
        Prop.ForAll(Arb.From(Arguments), u =>
        {
            const double h = 1e-6;
            var fd = (CubicBSpline.Value(u + h) - CubicBSpline.Value(u - h)) / (2 * h);
            Assert.Equal(fd, CubicBSpline.Derivative(u), 1e-6);
        }).QuickCheckThrowOnFailure();

    [Theory]
    [InlineData(0, 2.0 / 3.0)]
    [InlineData(1, 1.0 / 6.0)]
    [InlineData(-1, 1.0 / 6.0)]
    [InlineData(0.5, 23.0 / 48.0)]
    [InlineData(1.5, 1.0 / 48.0)]
    [InlineData(2, 0)]
    [InlineData(-2.5, 0)]
    public void Has_the_published_values(double u, double expected) => Assert.Equal(expected, CubicBSpline.Value(u), 1e-15);

    [Fact]
    public void Nan_propagates()
    {
        Assert.True(double.IsNaN(CubicBSpline.Value(double.NaN)));
        Assert.True(double.IsNaN(CubicBSpline.Derivative(double.NaN)));
    }
}
