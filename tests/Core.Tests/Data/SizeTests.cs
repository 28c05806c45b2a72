using FsCheck;
using FsCheck.Fluent;
using Oompa.Core.Data;

namespace Oompa.Core.Tests.Data;

public class SizeTests
{
    private static readonly Gen<int> Axis = Gen.Choose(1, 40);

    [Theory]
    [InlineData(0, 1, 1, 1)]
    [InlineData(1, 0, 1, 1)]
    [InlineData(1, 1, 0, 1)]
    [InlineData(1, 1, 1, 0)]
    [InlineData(-3, 4, 1, 1)]
    public void Rejects_non_positive_axes(int x, int y, int z, int n) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Size(x, y, z, n));

    [Fact]
    public void Rejects_element_counts_that_overflow() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Size(int.MaxValue, int.MaxValue, int.MaxValue, int.MaxValue));

    [Fact]
    public void Default_value_is_not_a_constructed_size_but_new_sizes_are_valid()
    {
        var s = new Size(5);
        Assert.Equal(new Size(5, 1, 1, 1), s);
        Assert.Equal(Dimensionality.One, s.Dimensionality);
    }

    [Fact]
    public void Totals_and_dimensionality_hold_for_all_valid_shapes() =>
        Prop.ForAll(Arb.From(Gen.Four(Axis)), t =>
        {
            var (x, y, z, n) = t;
            var s = new Size(x, y, z, n);
            var expectedDim = z > 1 ? Dimensionality.Three : y > 1 ? Dimensionality.Two : Dimensionality.One;
            return s.Single == (long)x * y * z
                && s.Total == s.Single * n
                && s.Dimensionality == expectedDim
                && s.WithN(7).Single == s.Single
                && s.WithN(7).N == 7
                && s[0] == x && s[1] == y && s[2] == z && s[3] == n;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Collapsed_axes_are_representable()
    {
        var column = new Size(1, 5, 1, 1);
        Assert.Equal(Dimensionality.Two, column.Dimensionality);
        var stack = new Size(1, 1, 4, 2);
        Assert.Equal(Dimensionality.Three, stack.Dimensionality);
    }

    [Fact]
    public void Equality_is_by_value_and_symmetric() =>
        Prop.ForAll(Arb.From(Gen.Four(Axis)), Arb.From(Gen.Four(Axis)), (a, b) =>
        {
            var sa = new Size(a.Item1, a.Item2, a.Item3, a.Item4);
            var sb = new Size(b.Item1, b.Item2, b.Item3, b.Item4);
            return (sa == sb) == (sb == sa) && (sa == sb) == (a == b) && sa == new Size(a.Item1, a.Item2, a.Item3, a.Item4);
        }).QuickCheckThrowOnFailure();
}
