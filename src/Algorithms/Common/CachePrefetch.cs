using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Oompa.Algorithms.Common;

/// <summary>
/// Software prefetch of whole rows. The hardware prefetchers follow long contiguous streams well, but a kernel that
/// jumps between short rows (a Fourier crop reads the first half of every kept row, then skips the rest) leaves each
/// row's first misses to be found one by one. Asking for the next row's cache lines while the current row is processed
/// keeps memory busy across the jumps. A no-op where the instruction is not available.
/// </summary>
internal static unsafe class CachePrefetch
{
    private const int Line = 64;

    /// <summary>Requests every cache line of [<paramref name="start"/>, <paramref name="start"/> + <paramref name="bytes"/>) into all cache levels.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Range(void* start, long bytes)
    {
        if (!Sse.IsSupported || bytes <= 0)
        {
            return;
        }

        byte* end = (byte*)start + bytes;
        for (byte* p = (byte*)((nuint)start & ~(nuint)(Line - 1)); p < end; p += Line)
        {
            Sse.Prefetch0(p);
        }
    }
}
