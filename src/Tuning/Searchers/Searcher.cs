using Oompa.Tuning.Spaces;

namespace Oompa.Tuning.Searchers;

/// <summary>
/// Base class for searchers: enforces the Next/Report protocol, proposes the space's default first (so the reference
/// time is measured before anything else; after a given start configuration when there is one), guarantees that
/// proposals are valid and never repeated, and offers helpers for random unvisited configurations and unvisited moves.
/// </summary>
public abstract class Searcher : ISearcher
{
    private readonly HashSet<long> _visited = [];
    private readonly Queue<TuningConfiguration> _initial = new();
    private TuningSpace? _space;
    private Random? _random;
    private TuningConfiguration? _pending;
    private bool _exhausted;

    /// <inheritdoc/>
    public abstract string Name { get; }

    /// <summary>The number of configurations proposed since the last reset.</summary>
    public int ProposedCount => _visited.Count;

    /// <summary>The space being searched.</summary>
    protected TuningSpace Space => _space ?? throw new InvalidOperationException($"Searcher {Name} must be Reset with a space first.");

    /// <summary>The seeded random source of this search.</summary>
    protected Random Random => _random ?? throw new InvalidOperationException($"Searcher {Name} must be Reset with a space first.");

    /// <inheritdoc/>
    public void Reset(TuningSpace space, int seed) => Reset(space, seed, null);

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="start"/> is not a valid configuration of <paramref name="space"/>.</exception>
    public void Reset(TuningSpace space, int seed, TuningConfiguration? start)
    {
        ArgumentNullException.ThrowIfNull(space);
        if (start is not null && !space.IsValid(start))
        {
            throw new ArgumentException($"The start configuration {start.Key} is not valid: {string.Join("; ", space.Problems(start))}", nameof(start));
        }

        _space = space;
        _random = new Random(seed);
        _visited.Clear();
        _initial.Clear();
        if (start is not null && start != space.Default)
        {
            _initial.Enqueue(start);
        }

        _initial.Enqueue(space.Default);
        _pending = null;
        _exhausted = false;
        OnReset();
    }

    /// <inheritdoc/>
    public TuningConfiguration? Next()
    {
        if (_pending is not null)
        {
            throw new InvalidOperationException($"Report the outcome of {_pending.Key} before asking searcher {Name} for another configuration.");
        }

        if (_exhausted)
        {
            return null;
        }

        var candidate = _initial.Count > 0 ? _initial.Dequeue() : Propose();
        if (candidate is null)
        {
            _exhausted = true;
            return null;
        }

        var problems = Space.Problems(candidate);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"Searcher {Name} proposed an invalid configuration: {string.Join("; ", problems)}");
        }

        if (!_visited.Add(Space.IndexOf(candidate)))
        {
            throw new InvalidOperationException($"Searcher {Name} proposed {candidate.Key} a second time.");
        }

        _pending = candidate;
        return candidate;
    }

    /// <inheritdoc/>
    public void Report(TuningConfiguration configuration, TuningMeasurement measurement)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(measurement);
        if (_pending is null || configuration != _pending)
        {
            throw new InvalidOperationException(_pending is null
                ? $"Searcher {Name} has no pending configuration; {configuration.Key} was not proposed or was already reported."
                : $"Searcher {Name} is waiting for the outcome of {_pending.Key}, not {configuration.Key}.");
        }

        _pending = null;
        OnReport(configuration, measurement);
    }

    /// <summary>The next configuration after the start and the default: valid and not yet proposed, or null to end the search.</summary>
    protected abstract TuningConfiguration? Propose();

    /// <summary>Called by <see cref="Reset(TuningSpace, int, TuningConfiguration?)"/> after the common state is cleared.</summary>
    protected virtual void OnReset()
    {
    }

    /// <summary>Called with every reported outcome, the default configuration's included.</summary>
    protected virtual void OnReport(TuningConfiguration configuration, TuningMeasurement measurement)
    {
    }

    /// <summary>Whether <paramref name="configuration"/> has been proposed since the last reset.</summary>
    protected bool IsVisited(TuningConfiguration configuration) => _visited.Contains(Space.IndexOf(configuration));

    /// <summary>Whether the configuration at unconstrained index <paramref name="index"/> has been proposed.</summary>
    protected bool IsVisitedIndex(long index) => _visited.Contains(index);

    /// <summary>
    /// A random valid configuration not proposed yet, as <see cref="TuningSpace.Sample"/> draws it: uniform while
    /// up to <paramref name="maxTries"/> draws find one, else by randomised descent. Null when every valid configuration
    /// has been proposed.
    /// </summary>
    protected TuningConfiguration? RandomUnvisited(int maxTries = 64)
    {
        var space = Space;
        if (_visited.Count >= space.UpperBound)
        {
            return null;
        }

        var index = space.RandomValidIndex(Random, maxTries, i => !_visited.Contains(i));
        return index < 0 ? null : space.At(index);
    }

    /// <summary>
    /// A random valid configuration not proposed yet that differs from <paramref name="around"/> in one parameter:
    /// moved to an adjacent candidate when <paramref name="adjacentOnly"/>, else to any candidate. Null when none is left.
    /// </summary>
    protected TuningConfiguration? RandomUnvisitedMove(TuningConfiguration around, bool adjacentOnly)
    {
        var moves = (adjacentOnly ? Space.Neighbours(around) : Space.Moves(around)).Where(c => !IsVisited(c)).ToList();
        return moves.Count == 0 ? null : moves[Random.Next(moves.Count)];
    }
}
