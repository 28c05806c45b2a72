using Oompa.Tuning.Spaces;

namespace Oompa.Tuning.Searchers;

/// <summary>
/// Simulated annealing over single-parameter moves. From the current configuration it proposes an unvisited
/// neighbour (an adjacent candidate, or with <c>largeMoveProbability</c> any candidate of one parameter) and moves
/// there when it is faster, or when slower with probability exp(−Δ/T), where Δ = (new − current) / current is the
/// relative slowdown and T = max(minimum, initial · cooling^evaluations). When the current neighbourhood is used up,
/// it restarts next to the best configuration so far, and failing that at a random unvisited one.
/// </summary>
public sealed class SimulatedAnnealingSearcher : Searcher
{
    private readonly double _initialTemperature;
    private readonly double _cooling;
    private readonly double _minimumTemperature;
    private readonly double _largeMoveProbability;
    private TuningConfiguration? _current;
    private double _currentSeconds;
    private TuningConfiguration? _best;
    private double _bestSeconds;
    private int _evaluations;
    private bool _restarting;

    /// <summary>Creates the searcher.</summary>
    /// <param name="initialTemperature">Starting temperature, in units of relative slowdown (0.1: a 10 % slower move is
    /// accepted with probability 1/e at first).</param>
    /// <param name="cooling">Factor applied to the temperature after each evaluation, in (0, 1].</param>
    /// <param name="minimumTemperature">Lower bound of the temperature, &gt; 0.</param>
    /// <param name="largeMoveProbability">Probability of moving one parameter to any candidate instead of an adjacent one.</param>
    public SimulatedAnnealingSearcher(double initialTemperature = 0.1, double cooling = 0.95, double minimumTemperature = 1e-3, double largeMoveProbability = 0.2)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minimumTemperature);
        ArgumentOutOfRangeException.ThrowIfLessThan(initialTemperature, minimumTemperature);
        if (!(cooling > 0 && cooling <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(cooling), cooling, "The cooling factor must lie in (0, 1].");
        }

        if (!(largeMoveProbability >= 0 && largeMoveProbability <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(largeMoveProbability), largeMoveProbability, "A probability must lie in [0, 1].");
        }

        _initialTemperature = initialTemperature;
        _cooling = cooling;
        _minimumTemperature = minimumTemperature;
        _largeMoveProbability = largeMoveProbability;
    }

    /// <inheritdoc/>
    public override string Name => "SimulatedAnnealing";

    /// <summary>The current temperature.</summary>
    public double Temperature => Math.Max(_minimumTemperature, _initialTemperature * Math.Pow(_cooling, _evaluations));

    /// <inheritdoc/>
    protected override void OnReset()
    {
        _current = null;
        _best = null;
        _evaluations = 0;
        _restarting = false;
    }

    /// <inheritdoc/>
    protected override TuningConfiguration? Propose()
    {
        _restarting = false;
        if (_current is not null)
        {
            var adjacent = Random.NextDouble() >= _largeMoveProbability;
            var move = RandomUnvisitedMove(_current, adjacent) ?? RandomUnvisitedMove(_current, !adjacent);
            if (move is not null)
            {
                return move;
            }
        }

        _restarting = true;
        if (_best is not null && _best != _current)
        {
            var nearBest = RandomUnvisitedMove(_best, adjacentOnly: true) ?? RandomUnvisitedMove(_best, adjacentOnly: false);
            if (nearBest is not null)
            {
                return nearBest;
            }
        }

        return RandomUnvisited();
    }

    /// <inheritdoc/>
    protected override void OnReport(TuningConfiguration configuration, TuningMeasurement measurement)
    {
        var temperature = Temperature;
        _evaluations++;
        if (!measurement.IsSuccess)
        {
            return;
        }

        var seconds = measurement.Seconds;
        if (_best is null || seconds < _bestSeconds)
        {
            (_best, _bestSeconds) = (configuration, seconds);
        }

        if (_current is null || _restarting)
        {
            (_current, _currentSeconds) = (configuration, seconds);
            return;
        }

        var delta = (seconds - _currentSeconds) / Math.Max(_currentSeconds, double.Epsilon);
        if (delta <= 0 || Random.NextDouble() < Math.Exp(-delta / temperature))
        {
            (_current, _currentSeconds) = (configuration, seconds);
        }
    }
}
