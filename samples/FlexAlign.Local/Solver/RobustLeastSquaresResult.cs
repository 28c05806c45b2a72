namespace Oompa.Samples.FlexAlign.Local;

/// <summary>Result of <see cref="RobustLeastSquares.Solve(DenseMatrix, IReadOnlyList{double[]}, RobustLeastSquaresOptions?)"/>.</summary>
/// <param name="Solutions">One solution vector (length = unknowns) per right-hand side, from the last solve.</param>
/// <param name="Rejected">Per equation: true if it was rejected as an outlier (weight 0 in the last solve).</param>
/// <param name="ResidualRms">Per right-hand side: RMS of the residuals b − A·x over the accepted equations.</param>
/// <param name="Iterations">Number of solves performed (1 … MaxIterations).</param>
/// <param name="Converged">True if the last solve found no new outlier (false: stopped at MaxIterations, or a further
/// rejection would have made the system rank-deficient and was undone).</param>
public sealed record RobustLeastSquaresResult(
    IReadOnlyList<double[]> Solutions,
    IReadOnlyList<bool> Rejected,
    IReadOnlyList<double> ResidualRms,
    int Iterations,
    bool Converged)
{
    /// <summary>Number of rejected equations.</summary>
    public int RejectedCount => Rejected.Count(r => r);
}
