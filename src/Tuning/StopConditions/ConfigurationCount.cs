using System.Globalization;
using Oompa.Tuning.Spaces;

namespace Oompa.Tuning.StopConditions;

/// <summary>Stops after a number of evaluations, failed ones included.</summary>
public sealed class ConfigurationCount : IStopCondition
{
    /// <summary>Stops after <paramref name="count"/> evaluations (at least 1).</summary>
    public ConfigurationCount(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        Count = count;
    }

    /// <summary>The number of evaluations.</summary>
    public int Count { get; }

    /// <inheritdoc/>
    public string Description => string.Create(CultureInfo.InvariantCulture, $"{Count} configurations");

    /// <inheritdoc/>
    public void Start(TuningSpace space)
    {
    }

    /// <inheritdoc/>
    public bool ShouldStop(TuningHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return history.Count >= Count;
    }
}
