using System.Globalization;
using Oompa.Tuning.Spaces;

namespace Oompa.Tuning.StopConditions;

/// <summary>
/// Stops once the best time is at most <c>Ratio × reference</c>, e.g. 0.8 to stop at a 1.25× speedup over the
/// default configuration. The reference is <see cref="TuningHistory.ReferenceSeconds"/>; while it is unknown the
/// condition does not hold.
/// </summary>
public sealed class TargetPerformance : IStopCondition
{
    /// <summary>Stops when best ≤ <paramref name="ratio"/> × reference (ratio &gt; 0).</summary>
    public TargetPerformance(double ratio)
    {
        if (!(ratio > 0 && double.IsFinite(ratio)))
        {
            throw new ArgumentOutOfRangeException(nameof(ratio), ratio, "The target ratio must be positive and finite.");
        }

        Ratio = ratio;
    }

    /// <summary>The target, relative to the reference time.</summary>
    public double Ratio { get; }

    /// <inheritdoc/>
    public string Description => string.Create(CultureInfo.InvariantCulture, $"best ≤ {Ratio:0.###} × reference");

    /// <inheritdoc/>
    public void Start(TuningSpace space)
    {
    }

    /// <inheritdoc/>
    public bool ShouldStop(TuningHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return history.Best is { } best && history.ReferenceSeconds is { } reference && best.Measurement.Seconds <= Ratio * reference;
    }
}
