using System.Runtime.InteropServices;
using Oompa.Core.Data;

namespace Oompa.Algorithms.Reduction.OpenCl;

/// <summary>
/// The elements of every signal of a layout as <c>reduction_statistics.cl</c> receives them (the <c>geometry</c>
/// struct; seven <c>int</c>s in this order): element i of signal n, x fastest, lies at
/// <see cref="Origin"/> + n·<see cref="SignalStride"/> + its offset in the rows and planes.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly record struct ReductionGeometry(int Width, int Height, int RowStride, int PlaneStride, int SignalStride, int Origin, int Count)
{
    /// <summary>
    /// The geometry of <paramref name="layout"/>'s signals (its element count fits an int); an unpadded signal is one
    /// contiguous row, so scans divide by nothing that matters.
    /// </summary>
    public static ReductionGeometry Of(LogicalDescriptor layout)
    {
        int count = checked((int)layout.Size.Single);
        int signalStride = checked((int)layout.SignalStride);
        return layout.IsPadded
            ? new(layout.Size.X, layout.Size.Y, checked((int)layout.RowStride), checked((int)layout.PlaneStride), signalStride, checked((int)layout.OffsetUnchecked(0, 0, 0, 0)), count)
            : new(count, 1, count, count, signalStride, 0, count);
    }
}
