using FsCheck;
using FsCheck.Fluent;
using Oompa.Algorithms.Correlation;

namespace Oompa.Algorithms.Tests.Correlation;

public sealed class CorrelationPairsTests
{
    [Fact]
    public void Within_batch_enumerates_every_pair_i_less_than_j_in_row_order()
    {
        for (int n = 1; n <= 40; n++)
        {
            var pairs = CorrelationPairs.WithinBatch(n);
            Assert.Equal((long)n * (n - 1) / 2, pairs.Count);
            long k = 0;
            for (int i = 0; i < n; i++)
            {
                for (int j = i + 1; j < n; j++, k++)
                {
                    Assert.Equal((i, j), pairs.PairOf(k));
                    Assert.Equal(k, pairs.IndexOf(i, j));
                }
            }
        }
    }

    [Fact]
    public void Index_and_pair_round_trip_for_large_batches() =>
        Prop.ForAll(
            Arb.From(from n in Gen.Choose(2, 100_000) from f in Gen.Choose(0, 1_000_000) select (n, f)),
            t =>
            {
                var within = CorrelationPairs.WithinBatch(t.n);
                long k = within.Count * t.f / 1_000_001;
                var (i, j) = within.PairOf(k);
                Assert.True(i >= 0 && i < j && j < t.n);
                Assert.Equal(k, within.IndexOf(i, j));
                Assert.Equal((t.n - 2, t.n - 1), within.PairOf(within.Count - 1));

                var all = CorrelationPairs.AllPairs(t.n, 7);
                long m = all.Count * t.f / 1_000_001;
                var (a, b) = all.PairOf(m);
                Assert.Equal(m, (a * 7L) + b);
                Assert.Equal(m, all.IndexOf(a, b));
            }).QuickCheckThrowOnFailure();

    [Fact]
    public void Rejects_indices_and_pairs_outside_the_enumeration()
    {
        var within = CorrelationPairs.WithinBatch(4);
        Assert.Throws<ArgumentOutOfRangeException>(() => within.PairOf(6));
        Assert.Throws<ArgumentOutOfRangeException>(() => within.IndexOf(2, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => within.IndexOf(3, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => CorrelationPairs.AllPairs(3, 2).IndexOf(0, 2));
        Assert.Equal(0, CorrelationPairs.WithinBatch(1).Count);
    }
}
