using Oompa.Tuning.Spaces;

namespace Oompa.Tuning.Searchers;

/// <summary>
/// Local search with random restarts (first improvement): from the current configuration it proposes unvisited
/// adjacent neighbours in random order, then unvisited single-parameter moves to any candidate, and moves whenever one
/// is faster. When the neighbourhood is used up (a local optimum), or with probability <c>restartProbability</c> at
/// any step, it restarts at a random unvisited configuration.
/// </summary>
public sealed class LocalSearcher : Searcher
{
    private readonly double _restartProbability;
    private TuningConfiguration? _current;
    private double _currentSeconds;
    private bool _restarting;

    /// <summary>Creates the searcher.</summary>
    /// <param name="restartProbability">Probability, per step, of jumping to a random unvisited configuration.</param>
    public LocalSearcher(double restartProbability = 0.01)
    {
        if (!(restartProbability >= 0 && restartProbability <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(restartProbability), restartProbability, "A probability must lie in [0, 1].");
        }

        _restartProbability = restartProbability;
    }

    /// <inheritdoc/>
    public override string Name => "LocalSearch";

    /// <inheritdoc/>
    protected override void OnReset()
    {
        _current = null;
        _restarting = false;
    }

    /// <inheritdoc/>
    protected override TuningConfiguration? Propose()
    {
        _restarting = false;
        if (_current is not null && Random.NextDouble() >= _restartProbability)
        {
            var move = RandomUnvisitedMove(_current, adjacentOnly: true) ?? RandomUnvisitedMove(_current, adjacentOnly: false);
            if (move is not null)
            {
                return move;
            }
        }

        _restarting = true;
        return RandomUnvisited();
    }

    /// <inheritdoc/>
    protected override void OnReport(TuningConfiguration configuration, TuningMeasurement measurement)
    {
        if (measurement.IsSuccess && (_current is null || _restarting || measurement.Seconds < _currentSeconds))
        {
            (_current, _currentSeconds) = (configuration, measurement.Seconds);
        }
    }
}
