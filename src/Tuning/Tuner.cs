using Oompa.Tuning.Searchers;
using Oompa.Tuning.Spaces;
using Oompa.Tuning.StopConditions;

namespace Oompa.Tuning;

/// <summary>
/// The synchronous tuning loop, for tests and offline tuning: ask the searcher for a configuration, evaluate it,
/// report the outcome, until the stop condition holds or the searcher runs out. A dynamic tuner performs the same
/// steps one per execution.
/// </summary>
public static class Tuner
{
    /// <summary>Tunes <paramref name="space"/> and returns the best configuration found with the whole history.</summary>
    /// <param name="space">The space to search.</param>
    /// <param name="searcher">Chooses configurations; it is reset with <paramref name="seed"/>.</param>
    /// <param name="stop">When to stop; checked before every evaluation.</param>
    /// <param name="evaluate">Runs, validates and times one configuration. An exception other than cancellation is
    /// recorded as <see cref="TuningStatus.ComputationFailed"/> and the search goes on.</param>
    /// <param name="seed">Seed of the searcher.</param>
    /// <param name="cancellationToken">Stops the loop between evaluations by throwing <see cref="OperationCanceledException"/>.</param>
    public static TuningResult Run(
        TuningSpace space,
        ISearcher searcher,
        IStopCondition stop,
        Func<TuningConfiguration, TuningMeasurement> evaluate,
        int seed = 0,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(searcher);
        ArgumentNullException.ThrowIfNull(stop);
        ArgumentNullException.ThrowIfNull(evaluate);

        searcher.Reset(space, seed);
        stop.Start(space);
        var history = new TuningHistory(space.Default);
        while (!stop.ShouldStop(history))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var configuration = searcher.Next();
            if (configuration is null)
            {
                return new TuningResult(searcher.Name, history, TuningStopReason.SpaceExhausted);
            }

            var measurement = Evaluate(evaluate, configuration, cancellationToken);
            searcher.Report(configuration, measurement);
            history.Add(configuration, measurement);
        }

        return new TuningResult(searcher.Name, history, TuningStopReason.StopCondition);
    }

    private static TuningMeasurement Evaluate(Func<TuningConfiguration, TuningMeasurement> evaluate, TuningConfiguration configuration, CancellationToken cancellationToken)
    {
        TuningMeasurement? measurement;
        try
        {
            measurement = evaluate(configuration);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A candidate that crashes is a failed candidate, not a failed tuning session.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return TuningMeasurement.Failure(TuningStatus.ComputationFailed, $"{e.GetType().Name}: {e.Message}");
        }

        return measurement ?? throw new InvalidOperationException($"The evaluation of {configuration.Key} returned no measurement.");
    }
}
