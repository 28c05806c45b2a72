using Oompa.Tuning.Searchers;
using Oompa.Tuning.StopConditions;
using Oompa.Tuning.Tests.Support;

namespace Oompa.Tuning.Tests;

public class TunerTests
{
    [Fact]
    public void Failed_candidates_never_become_best()
    {
        var space = Landscape.Space();
        var (optimum, _) = Landscape.Optimum(space);
        var result = Tuner.Run(space, new ExhaustiveSearcher(), Stop.AfterFraction(1), c => c == optimum
            ? TuningMeasurement.Failure(TuningStatus.ValidationFailed, "output differs from the reference")
            : Landscape.Measure(c));
        Assert.NotNull(result.Best);
        Assert.NotEqual(optimum, result.Best);
        Assert.Equal(1, result.FailedCount);
        var second = space.Enumerate().Where(c => c != optimum).MinBy(Landscape.Seconds);
        Assert.Equal(second, result.Best);
    }

    [Fact]
    public void Exceptions_are_recorded_as_computation_failures()
    {
        var result = Tuner.Run(Landscape.Space(), new RandomSearcher(), Stop.AfterCount(20), c => c["UNROLL"] % 2 == 0
            ? throw new InvalidOperationException("kernel crashed")
            : Landscape.Measure(c));
        var failed = result.History.Where(r => !r.Measurement.IsSuccess).ToList();
        Assert.NotEmpty(failed);
        Assert.All(failed, r => Assert.Equal(TuningStatus.ComputationFailed, r.Measurement.Status));
        Assert.Contains("kernel crashed", failed[0].Measurement.Reason, StringComparison.Ordinal);
        Assert.Equal(1, result.Best!["UNROLL"] % 2);
        Assert.Equal(failed.Count, result.FailedCount);
    }

    [Fact]
    public void All_failures_give_no_best()
    {
        var result = Tuner.Run(Landscape.Space(), new RandomSearcher(), Stop.AfterCount(5),
            _ => TuningMeasurement.Failure(TuningStatus.CompilationFailed, "syntax error"));
        Assert.Null(result.Best);
        Assert.Null(result.BestSeconds);
        Assert.Null(result.ReferenceSeconds);
        Assert.Null(result.Speedup);
        Assert.Equal(5, result.FailedCount);
    }

    [Fact]
    public void Exhausting_the_space_ends_the_run()
    {
        var result = Tuner.Run(Landscape.Space(), new LocalSearcher(), Stop.AfterCount(10_000), Landscape.Measure, seed: 2);
        Assert.Equal(TuningStopReason.SpaceExhausted, result.StopReason);
        Assert.Equal(500, result.Evaluated);
        Assert.Equal("LocalSearch", result.Searcher);
        Assert.Equal(Enumerable.Range(0, 500), result.History.Select(r => r.Sequence));
    }

    [Fact]
    public void Cancellation_stops_between_evaluations()
    {
        using var cts = new CancellationTokenSource();
        var n = 0;
        Assert.Throws<OperationCanceledException>(() => Tuner.Run(Landscape.Space(), new RandomSearcher(), Stop.AfterCount(100), c =>
        {
            if (++n == 3)
            {
                cts.Cancel();
            }

            return Landscape.Measure(c);
        }, cancellationToken: cts.Token));
        Assert.Equal(3, n);
    }

    [Fact]
    public void Measurements_validate_their_inputs()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TuningMeasurement.Success(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => TuningMeasurement.Success(-1));
        Assert.Throws<ArgumentException>(() => TuningMeasurement.Failure(TuningStatus.Succeeded, "x"));
        Assert.Throws<ArgumentException>(() => TuningMeasurement.Failure(TuningStatus.ComputationFailed, " "));
        Assert.Equal("1.5 ms", TuningMeasurement.Success(TimeSpan.FromMicroseconds(1500)).ToString());
        Assert.Equal("ValidationFailed: off by one", TuningMeasurement.Failure(TuningStatus.ValidationFailed, "off by one").ToString());
    }
}
