namespace Oompa.Algorithms.Reduction;

/// <summary>The reduction to perform.</summary>
/// <param name="Operation">Element-wise accumulation, or a per-signal statistic.</param>
public sealed record ReductionSettings(ReductionOperation Operation)
{
    /// <summary>Whether the operation writes one value per signal (into <see cref="ReductionOutput.Values"/>) rather
    /// than accumulating element-wise into <see cref="ReductionOutput.Data"/>.</summary>
    public bool IsPerSignal => Operation != ReductionOperation.PiecewiseAdd;

    /// <summary>Element-wise accumulation: out += in.</summary>
    public static ReductionSettings PiecewiseAdd { get; } = new(ReductionOperation.PiecewiseAdd);
}
