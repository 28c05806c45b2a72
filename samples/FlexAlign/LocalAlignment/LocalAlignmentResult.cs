using Oompa.Samples.FlexAlign.Local;

namespace Oompa.Samples.FlexAlign.LocalAlignment;

/// <summary>
/// What the local alignment found. The B-spline <see cref="Model"/> describes the <b>residual</b> compensation left
/// after the global one, so the total compensation of pixel (x, y) in frame t (applied as corrected(p) = frame(p − c))
/// is <c>GlobalCorrectiveShifts[t] + Model.Shift(x, y, t)</c> (<see cref="Compensation"/>).
/// </summary>
public sealed class LocalAlignmentResult
{
    internal LocalAlignmentResult(PatchLayout layout, IReadOnlyList<FrameShift> global, LocalMotionFit fit, IReadOnlyList<PatchMeasurement> measurements, int skippedPatches)
    {
        Layout = layout;
        GlobalCorrectiveShifts = global;
        Fit = fit;
        Measurements = measurements;
        SkippedPatches = skippedPatches;
    }

    /// <summary>The patches that were measured (row-major).</summary>
    public PatchLayout Layout { get; }

    /// <summary>The global corrective shifts (RELION's convention, pixels) the patches were compensated with.</summary>
    public IReadOnlyList<FrameShift> GlobalCorrectiveShifts { get; }

    /// <summary>The B-spline fit with its residual RMS and rejected measurements.</summary>
    public LocalMotionFit Fit { get; }

    /// <summary>The fitted residual compensation model (= <see cref="LocalMotionFit.Model"/>).</summary>
    public LocalMotionModel Model => Fit.Model;

    /// <summary>
    /// Per patch and frame (patch-major, then frame): the residual displacement of the patch content after the global
    /// compensation, relative to frame 0 (pixels; content of frame 0 at p is found at p + shift in frame t).
    /// </summary>
    public IReadOnlyList<PatchMeasurement> Measurements { get; }

    /// <summary>Patches left out because some pair had no usable correlation peak.</summary>
    public int SkippedPatches { get; }

    /// <summary>The total (global + local) compensation of pixel (<paramref name="x"/>, <paramref name="y"/>) in frame <paramref name="frame"/>.</summary>
    public FrameShift Compensation(double x, double y, int frame)
    {
        var (lx, ly) = Model.Shift(x, y, frame);
        var g = GlobalCorrectiveShifts[frame];
        return new FrameShift(g.X + lx, g.Y + ly);
    }

    /// <summary>The total compensation of frame <paramref name="frame"/> sampled every <paramref name="step"/> px.</summary>
    public ShiftField Field(int frame, int step = 32)
    {
        var g = GlobalCorrectiveShifts[frame];
        return ShiftField.FromFunction(Model.Grid.Width, Model.Grid.Height, step, (x, y) =>
        {
            var (lx, ly) = Model.Shift(x, y, frame);
            return (g.X + lx, g.Y + ly);
        });
    }
}
