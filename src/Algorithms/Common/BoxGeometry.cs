namespace Oompa.Algorithms.Common;

/// <summary>
/// A box of <see cref="Width"/> × <see cref="Height"/> × <see cref="Depth"/> elements inside one signal of a strided
/// layout, addressed by a box-linear index (x fastest, then y, then z). CPU kernels walk index ranges of a box as
/// contiguous row segments (see <see cref="SegmentCursor"/>), which lets them split one large signal into chunks without
/// caring about rows, planes or padding.
/// </summary>
internal readonly record struct BoxGeometry(long Width, int Height, int Depth, long RowStride, long PlaneStride)
{
    /// <summary>Elements in the box.</summary>
    public long Count => Width * Height * Depth;

    /// <summary>
    /// The geometry of a whole signal of <paramref name="layout"/>. An unpadded signal is one contiguous row, so that
    /// kernels see one long segment instead of many short ones.
    /// </summary>
    public static BoxGeometry WholeSignal(Oompa.Core.Data.LogicalDescriptor layout) =>
        layout.IsPadded
            ? new(layout.Size.X, layout.Size.Y, layout.Size.Z, layout.RowStride, layout.PlaneStride)
            : new(layout.Size.Single, 1, 1, layout.Size.Single, layout.Size.Single);

    /// <summary>Element offset (relative to the box origin) of box-linear index <paramref name="index"/>.</summary>
    public long OffsetOf(long index)
    {
        long x = index % Width;
        long row = index / Width;
        return ((row / Height) * PlaneStride) + ((row % Height) * RowStride) + x;
    }

    /// <summary>Box coordinates of box-linear index <paramref name="index"/>.</summary>
    public (long X, int Y, int Z) CoordinatesOf(long index)
    {
        long row = index / Width;
        return (index % Width, (int)(row % Height), (int)(row / Height));
    }

    /// <summary>A cursor over the row segments covering box-linear indices [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public SegmentCursor Segments(long from, long to) => new(this, from, to);
}
