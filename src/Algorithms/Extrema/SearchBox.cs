using System.Globalization;

namespace Oompa.Algorithms.Extrema;

/// <summary>A box inside a signal: start (<see cref="X"/>, <see cref="Y"/>, <see cref="Z"/>) and extent, in the signal's frame.</summary>
/// <param name="X">First column.</param>
/// <param name="Y">First row.</param>
/// <param name="Z">First plane.</param>
/// <param name="Width">Columns.</param>
/// <param name="Height">Rows.</param>
/// <param name="Depth">Planes.</param>
public readonly record struct SearchBox(int X, int Y, int Z, int Width, int Height, int Depth)
{
    /// <summary>Elements in the box.</summary>
    public long Count => (long)Width * Height * Depth;

    /// <summary>Formats as <c>[x0, x1) × [y0, y1) × [z0, z1)</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"[{X}, {X + Width}) × [{Y}, {Y + Height}) × [{Z}, {Z + Depth})");
}
