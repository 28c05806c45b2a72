namespace Oompa.Tuning.StopConditions;

/// <summary>Short factories for stop conditions: <c>Stop.Any(Stop.AfterCount(50), Stop.AtTarget(0.8))</c>.</summary>
public static class Stop
{
    /// <summary>After <paramref name="count"/> evaluations.</summary>
    public static ConfigurationCount AfterCount(int count) => new(count);

    /// <summary>After <paramref name="fraction"/> of the space.</summary>
    public static SpaceFraction AfterFraction(double fraction, FractionBasis basis = FractionBasis.ValidConfigurations) => new(fraction, basis);

    /// <summary>After <paramref name="limit"/> of <paramref name="clock"/> time.</summary>
    public static WallTime AfterTime(TimeSpan limit, TimeProvider? clock = null) => new(limit, clock);

    /// <summary>Once best ≤ <paramref name="ratio"/> × reference.</summary>
    public static TargetPerformance AtTarget(double ratio) => new(ratio);

    /// <summary>When any of <paramref name="conditions"/> holds.</summary>
    public static AnyOf Any(params IEnumerable<IStopCondition> conditions) => new(conditions);

    /// <summary>When all of <paramref name="conditions"/> hold.</summary>
    public static AllOf All(params IEnumerable<IStopCondition> conditions) => new(conditions);
}
