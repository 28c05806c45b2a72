using System.Runtime.InteropServices;
using Oompa.Core.Data;

namespace Oompa.Algorithms.Extrema.OpenCl;

/// <summary>
/// A box inside every signal of a layout as <c>extrema_search.cl</c> receives it (the <c>box</c> struct; nine
/// <c>int</c>s in this order). Box-linear index i runs x fastest, then y, then z; element offsets are relative to
/// <see cref="Origin"/> + n·<see cref="SignalStride"/> for signal n.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly record struct ExtremaBox(int Width, int Height, int Depth, int RowStride, int PlaneStride, int SignalStride, int Origin, int Count, int Type)
{
    /// <summary>The search box <paramref name="box"/> in <paramref name="layout"/> (whose element count fits an int).</summary>
    public static ExtremaBox Of(LogicalDescriptor layout, SearchBox box, ExtremaType type) => new(
        box.Width,
        box.Height,
        box.Depth,
        checked((int)layout.RowStride),
        checked((int)layout.PlaneStride),
        checked((int)layout.SignalStride),
        checked((int)layout.OffsetUnchecked(box.X, box.Y, box.Z, 0)),
        checked((int)box.Count),
        (int)type);

    /// <summary>
    /// The geometry scans use: a box whose elements are contiguous in memory (for example a whole unpadded signal, or
    /// full-width rows of an unpadded one) is one row with the same box-linear indices, which kernels address without
    /// a division per element; any other box is itself.
    /// </summary>
    public static ExtremaBox Scan(LogicalDescriptor layout, SearchBox box, ExtremaType type)
    {
        var real = Of(layout, box, type);
        bool contiguous = (real.Height == 1 || real.RowStride == real.Width) && (real.Depth == 1 || real.PlaneStride == (long)real.Width * real.Height);
        return contiguous
            ? real with { Width = real.Count, Height = 1, Depth = 1, RowStride = real.Count, PlaneStride = real.Count }
            : real;
    }
}
