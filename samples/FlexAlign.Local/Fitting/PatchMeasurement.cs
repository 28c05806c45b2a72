namespace Oompa.Samples.FlexAlign.Local;

/// <summary>
/// One measured patch shift: the content of the patch centred at (X, Y) in frame <see cref="Frame"/> is displaced by
/// (ShiftX, ShiftY) pixels relative to the reference (i.e. it sits at position + shift). The fitted model returns the
/// compensation, the negation of this shift.
/// </summary>
/// <param name="X">Patch centre x in pixels (0 = left column), e.g. <see cref="Patch.CenterX"/>.</param>
/// <param name="Y">Patch centre y in pixels (0 = top row).</param>
/// <param name="Frame">0-based frame index.</param>
/// <param name="ShiftX">Measured displacement along x in pixels.</param>
/// <param name="ShiftY">Measured displacement along y in pixels.</param>
public readonly record struct PatchMeasurement(double X, double Y, int Frame, double ShiftX, double ShiftY);
