namespace Oompa.Samples.FlexAlign.Local;

/// <summary>Result of <see cref="LocalMotionFitter.Fit"/>.</summary>
/// <param name="Model">The fitted compensation model.</param>
/// <param name="ResidualRmsX">RMS of the x residuals (pixels) over the accepted measurements.</param>
/// <param name="ResidualRmsY">RMS of the y residuals (pixels) over the accepted measurements.</param>
/// <param name="Rejected">Per measurement (input order): true if rejected as an outlier.</param>
/// <param name="Iterations">Solves performed by the robust least squares.</param>
/// <param name="Converged">True if the last solve found no new outlier.</param>
public sealed record LocalMotionFit(
    LocalMotionModel Model,
    double ResidualRmsX,
    double ResidualRmsY,
    IReadOnlyList<bool> Rejected,
    int Iterations,
    bool Converged)
{
    /// <summary>Number of rejected measurements.</summary>
    public int RejectedCount => Rejected.Count(r => r);
}
