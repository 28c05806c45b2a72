using Oompa.Tuning.Spaces;

namespace Oompa.Tuning.StopConditions;

/// <summary>Stops when any of its conditions holds (for example a budget or a target, whichever comes first).</summary>
public sealed class AnyOf : IStopCondition
{
    private readonly IStopCondition[] _conditions;

    /// <summary>Combines at least one condition.</summary>
    public AnyOf(params IEnumerable<IStopCondition> conditions)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        _conditions = conditions.ToArray();
        if (_conditions.Length == 0 || _conditions.Any(c => c is null))
        {
            throw new ArgumentException("AnyOf needs at least one condition and no nulls.", nameof(conditions));
        }
    }

    /// <summary>The combined conditions.</summary>
    public IReadOnlyList<IStopCondition> Conditions => _conditions;

    /// <inheritdoc/>
    public string Description => string.Join(" or ", _conditions.Select(c => $"({c.Description})"));

    /// <inheritdoc/>
    public void Start(TuningSpace space)
    {
        foreach (var c in _conditions)
        {
            c.Start(space);
        }
    }

    /// <inheritdoc/>
    public bool ShouldStop(TuningHistory history) => _conditions.Any(c => c.ShouldStop(history));
}
