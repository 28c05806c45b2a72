namespace Oompa.Samples.FlexAlign.Global;

/// <summary>The least-squares frame positions and what the outlier rejection removed.</summary>
/// <param name="Positions">Drift of every frame relative to frame 0 (Positions[0] = 0), in pixels.</param>
/// <param name="Rejected">Equations dropped as outliers.</param>
/// <param name="Iterations">Number of solves.</param>
/// <param name="ResidualRms">RMS residual (x and y together) of the kept equations, in pixels.</param>
public sealed record ShiftSolution(IReadOnlyList<FrameShift> Positions, IReadOnlyList<PairShift> Rejected, int Iterations, double ResidualRms);
