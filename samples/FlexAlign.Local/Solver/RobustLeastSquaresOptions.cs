namespace Oompa.Samples.FlexAlign.Local;

/// <summary>Settings of <see cref="RobustLeastSquares"/>.</summary>
/// <param name="MaxIterations">
/// Maximum number of solves (≥ 1). 1 = plain least squares without rejection. The loop stops earlier when a solve
/// finds no new outlier.
/// </param>
/// <param name="RejectionSigmas">An equation is an outlier if any component has |e| &gt; RejectionSigmas·σ (FlexAlign: 3).</param>
public sealed record RobustLeastSquaresOptions(int MaxIterations = 10, double RejectionSigmas = 3.0)
{
    /// <summary>FlexAlign's defaults: 3σ rejection, at most 10 solves.</summary>
    public static RobustLeastSquaresOptions Default { get; } = new();

    internal void Validate()
    {
        if (MaxIterations < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxIterations), MaxIterations, "MaxIterations must be ≥ 1.");
        }

        if (!(RejectionSigmas > 0) || double.IsInfinity(RejectionSigmas))
        {
            throw new ArgumentOutOfRangeException(nameof(RejectionSigmas), RejectionSigmas, "RejectionSigmas must be finite and > 0.");
        }
    }
}
