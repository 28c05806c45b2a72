using Oompa.Tuning.Searchers;
using Oompa.Tuning.Spaces;

namespace Oompa.Tuning.Tests.Spaces;

/// <summary>
/// A space of 10^9 configurations is never materialised: these tests would run out of time or memory otherwise, and
/// they count constraint evaluations to show that only what is used is generated.
/// </summary>
public class HugeSpaceTests
{
    private static TuningSpace Huge(Func<long, bool> onFirst, long firstDefault, Action count) => new(
        Enumerable.Range(0, 9).Select(i => new TuningParameter($"P{i}", Enumerable.Range(0, 10).Select(v => (long)v), i == 0 ? firstDefault : 0)),
        [
            Constraint.Create("P0", v => { count(); return onFirst(v); }, "P0 rule"),
            Constraint.Create("P7", "P8", (a, b) => { count(); return (a + b) % 2 == 0; }, "P7 + P8 even"),
        ]);

    [Fact]
    public void First_thousand_configurations_cost_about_a_thousand_checks()
    {
        long checks = 0;
        var s = Huge(_ => true, 0, () => checks++);
        Assert.Equal(1_000_000_000, s.UpperBound);
        checks = 0;
        var first = s.Enumerate().Take(1000).ToList();
        Assert.Equal(1000, first.Count);
        Assert.All(first, c => Assert.True((c["P7"] + c["P8"]) % 2 == 0));
        Assert.Equal(1000, first.Distinct().Count());
        Assert.InRange(checks, 1000, 6000);
    }

    [Fact]
    public void A_failing_constraint_on_the_first_parameter_skips_whole_blocks()
    {
        long checks = 0;
        var s = Huge(v => v == 9, 9, () => checks++);
        checks = 0;
        var first = s.Enumerate().First();
        Assert.Equal(9, first["P0"]);
        Assert.Equal(900_000_000, s.IndexOf(first));
        Assert.InRange(checks, 1, 50);
    }

    [Fact]
    public void Index_round_trip_sampling_and_random_search_work_without_counting()
    {
        var s = Huge(_ => true, 0, () => { });
        var last = s.At(s.UpperBound - 1);
        Assert.Equal("P0=9,P1=9,P2=9,P3=9,P4=9,P5=9,P6=9,P7=9,P8=9", last.Key);
        Assert.Equal(s.UpperBound - 1, s.IndexOf(last));
        var rng = new Random(3);
        Assert.All(Enumerable.Range(0, 100), _ => Assert.True(s.IsValid(s.Sample(rng))));

        var searcher = new RandomSearcher();
        searcher.Reset(s, 5);
        var proposed = new HashSet<TuningConfiguration>();
        for (var i = 0; i < 200; i++)
        {
            var c = searcher.Next()!;
            Assert.True(proposed.Add(c));
            searcher.Report(c, TuningMeasurement.Success(1));
        }
    }
}
