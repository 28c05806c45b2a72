namespace Oompa.Algorithms.Extrema;

/// <summary>Which extremum to find. Each type ranks elements by a <em>score</em>: the element with the highest score wins.</summary>
public enum ExtremaType
{
    /// <summary>The largest value (score = v).</summary>
    Max,

    /// <summary>The smallest value (score = −v).</summary>
    Min,

    /// <summary>The value of largest magnitude (score = |v|); the reported value keeps its sign.</summary>
    AbsMax,
}
