using Oompa.Core.Data;

namespace Oompa.Algorithms.Common;

/// <summary>Detects payloads whose bytes overlap (aliasing), which element-wise kernels must know about.</summary>
internal static class MemoryOverlap
{
    /// <summary>
    /// Whether the bytes of <paramref name="a"/> and <paramref name="b"/> may overlap: host ranges that intersect, or
    /// the same device handle. Payloads without data never overlap.
    /// </summary>
    public static bool Overlaps(IPayload a, IPayload b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var pa = a.Physical;
        var pb = b.Physical;
        if (pa.IsEmpty || pb.IsEmpty)
        {
            return false;
        }

        if (pa.Handle is not null || pb.Handle is not null)
        {
            return ReferenceEquals(pa.Handle, pb.Handle);
        }

        if (pa.Pointer == 0 || pb.Pointer == 0 || pa.Node != pb.Node)
        {
            return false;
        }

        long startA = pa.Pointer;
        long startB = pb.Pointer;
        long endA = startA + Math.Max(pa.Bytes, a.RequiredBytes);
        long endB = startB + Math.Max(pb.Bytes, b.RequiredBytes);
        return startA < endB && startB < endA;
    }

    /// <summary>
    /// Whether both payloads start at the same place: the same host address, or the same device buffer (device payloads
    /// always start at their buffer's first byte).
    /// </summary>
    public static bool SamePointer(IPayload a, IPayload b) =>
        a.Physical.Node == b.Physical.Node && (a.Physical.Handle is not null
            ? ReferenceEquals(a.Physical.Handle, b.Physical.Handle)
            : a.Physical.Pointer != 0 && a.Physical.Pointer == b.Physical.Pointer);
}
