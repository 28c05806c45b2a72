using FsCheck;
using FsCheck.Fluent;
using Oompa.Algorithms.Fft;

namespace Oompa.Algorithms.Tests.Fft;

public sealed class FastSizeTests
{
    [Theory]
    [InlineData(2, true)]
    [InlineData(1, false)]
    [InlineData(0, false)]
    [InlineData(-4, false)]
    [InlineData(3, false)]
    [InlineData(105, false)]
    [InlineData(210, true)]
    [InlineData(4096, true)]
    [InlineData(22, false)]
    [InlineData(1000, true)]
    [InlineData(int.MaxValue, false)]
    public void IsFast_accepts_even_products_of_2_3_5_7_only(int size, bool fast) => Assert.Equal(fast, FastSize.IsFast(size));

    [Theory]
    [InlineData(4096, 0.1, 0.1, 4096)]
    [InlineData(4097, 0.1, 0.1, 4096)]
    [InlineData(1023, 0, 0.1, 1024)]
    [InlineData(1025, 0, 0.1, 1050)]
    [InlineData(1025, 0.1, 0.1, 1024)]
    [InlineData(11, 0.2, 0.2, 12)]
    [InlineData(9, 0.2, 0.2, 10)]
    [InlineData(1, 0, 1, 2)]
    [InlineData(928, 0.1, 0.1, 900)]
    public void Nearest_returns_the_closest_fast_size_preferring_the_larger_on_ties(int size, double below, double above, int expected) =>
        Assert.Equal(expected, FastSize.Nearest(size, below, above));

    [Fact]
    public void Nearest_returns_null_when_the_range_holds_no_fast_size()
    {
        Assert.Null(FastSize.Nearest(1, 0.5, 0.5));
        Assert.Null(FastSize.Nearest(11, 0, 0));
        Assert.Null(FastSize.Nearest(23, 0.01, 0.01));
    }

    [Fact]
    public void Nearest_rejects_fractions_outside_their_ranges()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FastSize.Nearest(10, -0.1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => FastSize.Nearest(10, 1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => FastSize.Nearest(10, 0, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => FastSize.Nearest(0, 0.1, 0.1));
    }

    [Fact]
    public void Next_is_the_smallest_fast_size_at_least_the_size()
    {
        Assert.Equal(2, FastSize.Next(1));
        Assert.Equal(1050, FastSize.Next(1025));
        Assert.Throws<OverflowException>(() => FastSize.Next(int.MaxValue));
    }

    [Fact]
    public void Nearest_is_fast_in_range_and_no_fast_size_is_strictly_nearer() =>
        Prop.ForAll(Arb.From(Gen.Choose(1, 200_000)), Arb.From(Gen.Choose(0, 30)), Arb.From(Gen.Choose(0, 30)), (size, below, above) =>
        {
            double fb = below / 100.0;
            double fa = above / 100.0;
            int? result = FastSize.Nearest(size, fb, fa);
            int low = (int)Math.Ceiling(size * (1 - fb) - 1e-9);
            int high = (int)Math.Floor(size * (1 + fa) + 1e-9);
            if (result is not { } r)
            {
                for (int c = Math.Max(low, 1); c <= high; c++)
                {
                    Assert.False(FastSize.IsFast(c), $"{c} is fast and in [{low}, {high}]");
                }

                return;
            }

            Assert.True(FastSize.IsFast(r));
            Assert.InRange(r, low, high);
            int d = Math.Abs(r - size);
            for (int c = Math.Max(size - d, low); c <= Math.Min(size + d, high); c++)
            {
                Assert.True(!FastSize.IsFast(c) || Math.Abs(c - size) == d, $"{c} is fast, in range and nearer {size} than {r}");
            }
        }).QuickCheckThrowOnFailure();
}
