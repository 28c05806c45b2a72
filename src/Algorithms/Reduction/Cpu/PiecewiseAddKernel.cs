using System.Numerics;

namespace Oompa.Algorithms.Reduction.Cpu;

/// <summary>destination[i] += source[i] over contiguous elements, with <see cref="Vector{T}"/> unrolled four times.
/// Each element is read before it is written, so destination and source may be the same memory (not partially overlapping).</summary>
internal static unsafe class PiecewiseAddKernel
{
    public static void Add<T>(T* destination, T* source, long count)
        where T : unmanaged, IAdditionOperators<T, T, T>
    {
        long i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int lanes = Vector<T>.Count;
            for (; i <= count - (4 * lanes); i += 4 * lanes)
            {
                T* d = destination + i;
                T* s = source + i;
                var a0 = Vector.Load(d) + Vector.Load(s);
                var a1 = Vector.Load(d + lanes) + Vector.Load(s + lanes);
                var a2 = Vector.Load(d + (2 * lanes)) + Vector.Load(s + (2 * lanes));
                var a3 = Vector.Load(d + (3 * lanes)) + Vector.Load(s + (3 * lanes));
                a0.Store(d);
                a1.Store(d + lanes);
                a2.Store(d + (2 * lanes));
                a3.Store(d + (3 * lanes));
            }

            for (; i <= count - lanes; i += lanes)
            {
                (Vector.Load(destination + i) + Vector.Load(source + i)).Store(destination + i);
            }
        }

        for (; i < count; i++)
        {
            destination[i] += source[i];
        }
    }
}
