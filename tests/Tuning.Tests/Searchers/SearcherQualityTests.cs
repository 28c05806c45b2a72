using Xunit.Abstractions;
using Oompa.Tuning.Searchers;
using Oompa.Tuning.StopConditions;
using Oompa.Tuning.Tests.Support;

namespace Oompa.Tuning.Tests.Searchers;

/// <summary>
/// Statistical quality on the synthetic landscape (500 valid configurations, known optimum): with a quarter of the
/// space, a searcher must get within 5 % of the optimum for at least 95 of 100 seeds.
/// </summary>
public class SearcherQualityTests(ITestOutputHelper output)
{
    private const int Seeds = 100;

    [Fact]
    public void Landscape_has_500_valid_configurations_and_a_narrow_optimum()
    {
        var space = Landscape.Space();
        Assert.Equal(1680, space.UpperBound);
        Assert.Equal(500, space.Count());
        var (_, best) = Landscape.Optimum(space);
        var near = space.Enumerate().Count(c => Landscape.Seconds(c) <= 1.05 * best);
        output.WriteLine($"{near} configurations within 5 % of the optimum; default is {Landscape.Seconds(space.Default) / best:0.00}x the optimum");
        Assert.InRange(near, 10, 25);
        Assert.True(Landscape.Seconds(space.Default) > 1.2 * best);
    }

    [Theory]
    [InlineData("Random")]
    [InlineData("SimulatedAnnealing")]
    [InlineData("LocalSearch")]
    public void Reaches_within_5_percent_of_the_optimum_with_a_quarter_of_the_space(string name)
    {
        var space = Landscape.Space();
        var (_, optimum) = Landscape.Optimum(space);
        var successes = 0;
        var needed = new List<int>();
        for (var seed = 0; seed < Seeds; seed++)
        {
            var result = Tuner.Run(space, SearcherProtocolTests.Make(name), Stop.AfterFraction(0.25), Landscape.Measure, seed);
            Assert.Equal(125, result.Evaluated);
            if (result.BestSeconds <= 1.05 * optimum)
            {
                successes++;
                needed.Add(result.History.First(r => r.Measurement.Seconds <= 1.05 * optimum).Sequence + 1);
            }
        }

        needed.Sort();
        output.WriteLine($"{name}: {successes}/{Seeds} seeds within 5 % of the optimum using 125 of 500 configurations; " +
            $"evaluations needed: median {(needed.Count > 0 ? needed[needed.Count / 2] : 0)}, 90th percentile {(needed.Count > 0 ? needed[needed.Count * 9 / 10] : 0)}");
        Assert.True(successes >= 95, $"{name}: {successes}/{Seeds} seeds within 5 % of the optimum");
    }

    [Fact]
    public void Exhaustive_finds_the_exact_optimum()
    {
        var space = Landscape.Space();
        var (best, seconds) = Landscape.Optimum(space);
        var result = Tuner.Run(space, new ExhaustiveSearcher(), Stop.AfterFraction(1), Landscape.Measure);
        Assert.Equal(best, result.Best);
        Assert.Equal(seconds, result.BestSeconds);
        Assert.Equal(500, result.Evaluated);
    }
}
