namespace Oompa.Tuning.StopConditions;

/// <summary>What a <see cref="SpaceFraction"/> is a fraction of.</summary>
public enum FractionBasis
{
    /// <summary>The number of valid configurations, <c>TuningSpace.Count()</c>: exact, but counting costs up to
    /// <c>UpperBound</c> constraint checks once per space.</summary>
    ValidConfigurations,

    /// <summary><c>TuningSpace.UpperBound</c>, the configurations before constraints: free, but with many invalid
    /// configurations the fraction of valid ones explored is larger than it says.</summary>
    UpperBound,
}
