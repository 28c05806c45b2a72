using Oompa.Tuning.Searchers;
using Oompa.Tuning.Spaces;
using Oompa.Tuning.Tests.Support;

namespace Oompa.Tuning.Tests.Searchers;

public class SearcherStartTests
{
    [Theory]
    [InlineData("exhaustive")]
    [InlineData("random")]
    [InlineData("annealing")]
    [InlineData("local")]
    public void A_given_start_comes_first_then_the_default_then_the_search(string name)
    {
        var space = Landscape.Space();
        var start = space.At(space.NextValidIndex(321));
        var searcher = SearcherProtocolTests.Make(name);
        searcher.Reset(space, 5, start);

        var seen = new List<TuningConfiguration>();
        for (int i = 0; i < 30; i++)
        {
            var c = searcher.Next()!;
            seen.Add(c);
            searcher.Report(c, Landscape.Measure(c));
        }

        Assert.Equal(start, seen[0]);
        Assert.Equal(space.Default, seen[1]);
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public void A_start_equal_to_the_default_is_proposed_once_and_an_invalid_start_is_refused()
    {
        var space = Landscape.Space();
        var searcher = new SimulatedAnnealingSearcher();
        searcher.Reset(space, 1, space.Default);
        var first = searcher.Next()!;
        searcher.Report(first, Landscape.Measure(first));
        Assert.Equal(space.Default, first);
        Assert.NotEqual(space.Default, searcher.Next());

        var invalid = space.Default.With("BLOCK_X", 1).With("BLOCK_Y", 1);
        Assert.Throws<ArgumentException>(() => searcher.Reset(space, 1, invalid));
    }
}
