using Oompa.Tuning.Searchers;
using Oompa.Tuning.Spaces;
using Oompa.Tuning.Tests.Support;

namespace Oompa.Tuning.Tests.Searchers;

public class SearcherProtocolTests
{
    public static TheoryData<string> Names => ["Exhaustive", "Random", "SimulatedAnnealing", "LocalSearch"];

    internal static ISearcher Make(string name) => name switch
    {
        "Exhaustive" => new ExhaustiveSearcher(),
        "Random" => new RandomSearcher(),
        "SimulatedAnnealing" => new SimulatedAnnealingSearcher(),
        _ => new LocalSearcher(),
    };

    private static List<string> Trace(ISearcher searcher, TuningSpace space, int seed, int steps)
    {
        searcher.Reset(space, seed);
        var keys = new List<string>();
        for (var i = 0; i < steps && searcher.Next() is { } c; i++)
        {
            keys.Add(c.Key);
            searcher.Report(c, Landscape.Measure(c));
        }

        return keys;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Proposes_the_default_first_and_is_deterministic_given_a_seed(string name)
    {
        var space = Landscape.Space();
        var searcher = Make(name);
        var a = Trace(searcher, space, 11, 60);
        var b = Trace(Make(name), space, 11, 60);
        Assert.Equal(space.Default.Key, a[0]);
        Assert.Equal(a, b);
        Assert.Equal(a, Trace(searcher, space, 11, 60));
        if (name != "Exhaustive")
        {
            Assert.NotEqual(a, Trace(searcher, space, 12, 60));
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Enforces_next_then_report(string name)
    {
        var searcher = Make(name);
        Assert.Throws<InvalidOperationException>(() => searcher.Next());
        var space = Landscape.Space();
        searcher.Reset(space, 1);
        var c = searcher.Next()!;
        Assert.Contains(c.Key, Assert.Throws<InvalidOperationException>(() => searcher.Next()).Message, StringComparison.Ordinal);
        var other = space.Enumerate().First(x => x != c);
        Assert.Throws<InvalidOperationException>(() => searcher.Report(other, TuningMeasurement.Success(1)));
        searcher.Report(c, TuningMeasurement.Success(1));
        Assert.Throws<InvalidOperationException>(() => searcher.Report(c, TuningMeasurement.Success(1)));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Runs_until_exhausted_without_repeats_and_then_keeps_returning_null(string name)
    {
        var space = Landscape.Space();
        var searcher = Make(name);
        var keys = Trace(searcher, space, 3, 10_000);
        Assert.Equal(500, keys.Count);
        Assert.Equal(500, keys.Distinct().Count());
        Assert.Null(searcher.Next());
    }

    [Fact]
    public void A_searcher_that_proposes_an_invalid_configuration_is_stopped()
    {
        var space = Landscape.Space();
        var rogue = new RogueSearcher(space.At(0));
        rogue.Reset(space, 0);
        rogue.Report(rogue.Next()!, TuningMeasurement.Success(1));
        var e = Assert.Throws<InvalidOperationException>(() => rogue.Next());
        Assert.Contains("16 <= BLOCK_X * BLOCK_Y <= 512", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_searcher_that_repeats_itself_is_stopped()
    {
        var space = Landscape.Space();
        var rogue = new RogueSearcher(space.Default);
        rogue.Reset(space, 0);
        rogue.Report(rogue.Next()!, TuningMeasurement.Success(1));
        Assert.Contains("second time", Assert.Throws<InvalidOperationException>(() => rogue.Next()).Message, StringComparison.Ordinal);
    }

    private sealed class RogueSearcher(TuningConfiguration always) : Searcher
    {
        public override string Name => "Rogue";

        protected override TuningConfiguration? Propose() => always;
    }
}
