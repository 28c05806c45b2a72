using Oompa.Tuning.Searchers;
using Oompa.Tuning.Spaces;
using Oompa.Tuning.StopConditions;
using Oompa.Tuning.Tests.Support;

namespace Oompa.Tuning.Tests.StopConditions;

public class StopConditionTests
{
    private static TuningResult Run(IStopCondition stop, Func<TuningConfiguration, TuningMeasurement>? evaluate = null) =>
        Tuner.Run(Landscape.Space(), new RandomSearcher(), stop, evaluate ?? Landscape.Measure, seed: 4);

    [Fact]
    public void Count_stops_after_that_many_evaluations()
    {
        var result = Run(Stop.AfterCount(17));
        Assert.Equal(17, result.Evaluated);
        Assert.Equal(TuningStopReason.StopCondition, result.StopReason);
        Assert.Throws<ArgumentOutOfRangeException>(() => Stop.AfterCount(0));
    }

    [Fact]
    public void Fraction_is_of_valid_configurations_or_of_the_upper_bound()
    {
        Assert.Equal(50, Run(Stop.AfterFraction(0.1)).Evaluated);
        Assert.Equal(168, Run(Stop.AfterFraction(0.1, FractionBasis.UpperBound)).Evaluated);
        Assert.Equal(1, Run(Stop.AfterFraction(1e-9)).Evaluated);
        var f = Stop.AfterFraction(0.5);
        Assert.Throws<InvalidOperationException>(() => f.Limit);
        Assert.Throws<ArgumentOutOfRangeException>(() => Stop.AfterFraction(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Stop.AfterFraction(1.5));
    }

    [Fact]
    public void Wall_time_reads_the_injected_clock()
    {
        var clock = new FakeClock();
        var result = Run(Stop.AfterTime(TimeSpan.FromSeconds(10), clock), c =>
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            return Landscape.Measure(c);
        });
        Assert.Equal(10, result.Evaluated);
    }

    [Fact]
    public void Target_stops_once_best_is_within_ratio_of_the_reference()
    {
        var result = Run(Stop.AtTarget(0.8));
        var reference = Landscape.Seconds(Landscape.Space().Default);
        Assert.Equal(reference, result.ReferenceSeconds);
        Assert.True(result.BestSeconds <= 0.8 * reference);
        var before = result.History.Take(result.Evaluated - 1).Min(r => r.Measurement.Seconds);
        Assert.True(before > 0.8 * reference);
        Assert.True(result.Speedup >= 1.25);
    }

    [Fact]
    public void Target_never_holds_without_a_reference()
    {
        var history = new TuningHistory();
        history.Add(TuningConfiguration.Empty, TuningMeasurement.Success(1e-9));
        Assert.False(Stop.AtTarget(1).ShouldStop(history));
        history.ReferenceSeconds = 1;
        Assert.True(Stop.AtTarget(1).ShouldStop(history));
    }

    [Fact]
    public void Any_and_all_compose()
    {
        Assert.Equal(5, Run(Stop.Any(Stop.AfterCount(5), Stop.AfterCount(9))).Evaluated);
        Assert.Equal(9, Run(Stop.All(Stop.AfterCount(5), Stop.AfterCount(9))).Evaluated);
        var clock = new FakeClock();
        var nested = Stop.Any(Stop.AtTarget(0.01), Stop.All(Stop.AfterCount(3), Stop.AfterTime(TimeSpan.FromSeconds(7), clock)));
        var result = Run(nested, c =>
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            return Landscape.Measure(c);
        });
        Assert.Equal(7, result.Evaluated);
        Assert.Equal("(best ≤ 0.01 × reference) or ((3 configurations) and (7 s of tuning))", nested.Description);
        Assert.Throws<ArgumentException>(() => Stop.Any());
    }
}
