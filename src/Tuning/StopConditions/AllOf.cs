using Oompa.Tuning.Spaces;

namespace Oompa.Tuning.StopConditions;

/// <summary>Stops when all of its conditions hold (for example at least a minimum count and the target).</summary>
public sealed class AllOf : IStopCondition
{
    private readonly IStopCondition[] _conditions;

    /// <summary>Combines at least one condition.</summary>
    public AllOf(params IEnumerable<IStopCondition> conditions)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        _conditions = conditions.ToArray();
        if (_conditions.Length == 0 || _conditions.Any(c => c is null))
        {
            throw new ArgumentException("AllOf needs at least one condition and no nulls.", nameof(conditions));
        }
    }

    /// <summary>The combined conditions.</summary>
    public IReadOnlyList<IStopCondition> Conditions => _conditions;

    /// <inheritdoc/>
    public string Description => string.Join(" and ", _conditions.Select(c => $"({c.Description})"));

    /// <inheritdoc/>
    public void Start(TuningSpace space)
    {
        foreach (var c in _conditions)
        {
            c.Start(space);
        }
    }

    /// <inheritdoc/>
    public bool ShouldStop(TuningHistory history) => _conditions.All(c => c.ShouldStop(history));
}
