namespace Oompa.Samples.FlexAlign.Local;

/// <summary>One patch of a <see cref="PatchLayout"/>.</summary>
/// <param name="Index">Row-major index IndexY·CountX + IndexX.</param>
/// <param name="IndexX">Column of the patch.</param>
/// <param name="IndexY">Row of the patch.</param>
/// <param name="OriginX">First pixel column.</param>
/// <param name="OriginY">First pixel row.</param>
/// <param name="Width">Patch width in pixels.</param>
/// <param name="Height">Patch height in pixels.</param>
public readonly record struct Patch(int Index, int IndexX, int IndexY, int OriginX, int OriginY, int Width, int Height)
{
    /// <summary>Geometric centre x: OriginX + (Width − 1)/2.</summary>
    public double CenterX => OriginX + ((Width - 1) / 2.0);

    /// <summary>Geometric centre y: OriginY + (Height − 1)/2.</summary>
    public double CenterY => OriginY + ((Height - 1) / 2.0);
}
