namespace Oompa.Samples.FlexAlign.Phantom;

/// <summary>
/// The FlexAlign paper's doming model (algorithms.md §1.10): about the frame centre, with the radius r normalised by the
/// half-diagonal, frame t of n maps radius r to <c>r·(1 + k1·r² + k2·r⁴)</c> with <c>k1 = k1s + t(k1e − k1s)/n</c> and
/// <c>k2 = k2s + t(k2e − k2s)/n</c>. Defaults are the paper's constants.
/// </summary>
/// <param name="K1Start">k1 at t = 0.</param>
/// <param name="K1End">k1 at t = n.</param>
/// <param name="K2Start">k2 at t = 0.</param>
/// <param name="K2End">k2 at t = n.</param>
public sealed record DomingParameters(double K1Start = 0.04, double K1End = 0.05, double K2Start = 0.02, double K2End = 0.025)
{
    /// <summary>
    /// The doming displacement (pixels) at pixel centre (<paramref name="x"/>, <paramref name="y"/>) of frame
    /// <paramref name="t"/> of <paramref name="n"/> in a <paramref name="width"/>×<paramref name="height"/> frame: the
    /// point shown there moved radially by <c>(r_out − r_in)·R</c>, R the half-diagonal.
    /// </summary>
    public FrameShift Displacement(double x, double y, int t, int n, int width, int height)
    {
        double cx = width / 2.0;
        double cy = height / 2.0;
        double radius = Math.Sqrt((cx * cx) + (cy * cy));
        double dx = (x - cx) / radius;
        double dy = (y - cy) / radius;
        double r2 = (dx * dx) + (dy * dy);
        double k1 = K1Start + (t * (K1End - K1Start) / n);
        double k2 = K2Start + (t * (K2End - K2Start) / n);
        double factor = (k1 * r2) + (k2 * r2 * r2);
        return new FrameShift(dx * factor * radius, dy * factor * radius);
    }
}
