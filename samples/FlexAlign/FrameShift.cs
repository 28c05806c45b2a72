using System.Globalization;

namespace Oompa.Samples.FlexAlign;

/// <summary>A two-dimensional shift in pixels of the original (uncropped) frames.</summary>
/// <param name="X">Shift along X (columns), in pixels.</param>
/// <param name="Y">Shift along Y (rows), in pixels.</param>
public readonly record struct FrameShift(double X, double Y)
{
    /// <summary>No shift.</summary>
    public static FrameShift Zero => default;

    /// <summary>The Euclidean length.</summary>
    public double Length => Math.Sqrt((X * X) + (Y * Y));

    /// <summary>Component-wise sum.</summary>
    public static FrameShift operator +(FrameShift a, FrameShift b) => new(a.X + b.X, a.Y + b.Y);

    /// <summary>Component-wise difference.</summary>
    public static FrameShift operator -(FrameShift a, FrameShift b) => new(a.X - b.X, a.Y - b.Y);

    /// <summary>The opposite shift.</summary>
    public static FrameShift operator -(FrameShift a) => new(-a.X, -a.Y);

    /// <summary>Component-wise sum (named alternative to the operator).</summary>
    public static FrameShift Add(FrameShift a, FrameShift b) => a + b;

    /// <summary>Component-wise difference (named alternative to the operator).</summary>
    public static FrameShift Subtract(FrameShift a, FrameShift b) => a - b;

    /// <summary>The opposite shift (named alternative to the operator).</summary>
    public static FrameShift Negate(FrameShift a) => -a;

    /// <summary>Formats as <c>(x, y)</c> with three decimals.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"({X:F3}, {Y:F3})");
}
