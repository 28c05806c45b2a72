namespace Oompa.Samples.FlexAlign.Local;

/// <summary>
/// Fits FlexAlign's B-spline compensation model to patch shifts (thesis eq. 4, Xmipp
/// <c>BSplineHelper::computeBSplineCoeffs</c>): one equation per measurement with the design row
/// β³(t/T_t − kt)·β³(x_p/T_x − kx)·β³(y_p/T_y − ky) and right-hand side −shift (x and y share the design and the 3σ
/// rejection mask), solved by <see cref="RobustLeastSquares"/>.
/// </summary>
public static class LocalMotionFitter
{
    /// <summary>Fits the model.</summary>
    /// <param name="grid">Control-point lattice and movie dimensions.</param>
    /// <param name="measurements">Patch shifts (centres, 0-based frames, displacements).</param>
    /// <param name="options">Rejection settings; FlexAlign defaults if null.</param>
    /// <returns>Model and statistics.</returns>
    /// <exception cref="UnderdeterminedSystemException">
    /// Not more distinct patch columns than x control points, not more distinct patch rows than y control points, fewer
    /// distinct frames than t control points, or a rank-deficient design; the message names the counts.
    /// </exception>
    /// <exception cref="ArgumentException">A measurement has a non-finite value or a frame outside 0 … F − 1.</exception>
    public static LocalMotionFit Fit(BSplineGrid grid, IReadOnlyList<PatchMeasurement> measurements, RobustLeastSquaresOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(measurements);
        CheckMeasurements(grid, measurements);
        CheckSupport(grid, measurements);

        var a = new DenseMatrix(measurements.Count, grid.CoefficientCount);
        var bx = new double[measurements.Count];
        var by = new double[measurements.Count];
        for (var i = 0; i < measurements.Count; i++)
        {
            var m = measurements[i];
            grid.Basis(m.X, m.Y, m.Frame, a.Row(i));
            bx[i] = -m.ShiftX; // the spline describes the opposite transformation: the compensation
            by[i] = -m.ShiftY;
        }

        RobustLeastSquaresResult r;
        try
        {
            r = RobustLeastSquares.Solve(a, bx, by, options);
        }
        catch (UnderdeterminedSystemException e)
        {
            throw new UnderdeterminedSystemException(
                $"local B-spline fit with {grid.ControlPointsX}×{grid.ControlPointsY}×{grid.ControlPointsT} = {grid.CoefficientCount} control points " +
                $"from {measurements.Count} patch measurements is underdetermined ({e.Message}); FlexAlign requires more patches than control points.",
                e.Equations, e.Unknowns, e.Rank);
        }

        var model = new LocalMotionModel(grid, r.Solutions[0], r.Solutions[1]);
        return new LocalMotionFit(model, r.ResidualRms[0], r.ResidualRms[1], r.Rejected, r.Iterations, r.Converged);
    }

    private static void CheckMeasurements(BSplineGrid grid, IReadOnlyList<PatchMeasurement> measurements)
    {
        for (var i = 0; i < measurements.Count; i++)
        {
            var m = measurements[i];
            if (!double.IsFinite(m.X) || !double.IsFinite(m.Y) || !double.IsFinite(m.ShiftX) || !double.IsFinite(m.ShiftY))
            {
                throw new ArgumentException($"measurement {i} has a non-finite value: {m}.", nameof(measurements));
            }

            if (m.Frame < 0 || m.Frame >= grid.Frames)
            {
                throw new ArgumentException($"measurement {i} has frame {m.Frame}; the movie has frames 0…{grid.Frames - 1}.", nameof(measurements));
            }
        }
    }

    private static void CheckSupport(BSplineGrid grid, IReadOnlyList<PatchMeasurement> measurements)
    {
        var xs = measurements.Select(m => m.X).Distinct().Count();
        var ys = measurements.Select(m => m.Y).Distinct().Count();
        var ts = measurements.Select(m => m.Frame).Distinct().Count();
        var problems = new List<string>();
        if (xs <= grid.ControlPointsX)
        {
            problems.Add($"{xs} patch columns for {grid.ControlPointsX} x control points");
        }

        if (ys <= grid.ControlPointsY)
        {
            problems.Add($"{ys} patch rows for {grid.ControlPointsY} y control points");
        }

        if (ts < grid.ControlPointsT)
        {
            problems.Add($"{ts} frames for {grid.ControlPointsT} t control points");
        }

        if (problems.Count > 0)
        {
            throw new UnderdeterminedSystemException(
                $"local B-spline fit is underdetermined: {string.Join("; ", problems)} " +
                $"({measurements.Count} measurements, {grid.CoefficientCount} coefficients). FlexAlign requires more patches than control points per axis.",
                measurements.Count, grid.CoefficientCount, -1);
        }
    }
}
