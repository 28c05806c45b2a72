using System.Numerics;
using System.Runtime.Intrinsics;
using Oompa.Algorithms.Common;

namespace Oompa.Algorithms.Reduction.Cpu;

/// <summary>
/// Sum (in double), minimum and maximum of box ranges of Float32 or Float64 data, vectorised. Any NaN read makes
/// the result NaN (sums by IEEE arithmetic, minimum and maximum by an explicit check).
/// </summary>
internal static unsafe class StatisticsKernel
{
    /// <summary>The neutral start of an accumulation for <paramref name="operation"/>.</summary>
    public static double Identity(ReductionOperation operation) => operation switch
    {
        ReductionOperation.Min => double.PositiveInfinity,
        ReductionOperation.Max => double.NegativeInfinity,
        _ => 0,
    };

    /// <summary>Combines two partial results of <paramref name="operation"/> (NaN propagates).</summary>
    public static double Combine(ReductionOperation operation, double a, double b) => operation switch
    {
        ReductionOperation.Min => Math.Min(a, b),
        ReductionOperation.Max => Math.Max(a, b),
        _ => a + b,
    };

    /// <summary>The partial result of <paramref name="operation"/> (a sum for Sum and Mean) over box indices [from, to).</summary>
    public static double Reduce<T>(ReductionOperation operation, T* origin, BoxGeometry box, long from, long to)
        where T : unmanaged, INumber<T>
    {
        double result = Identity(operation);
        var cursor = box.Segments(from, to);
        while (cursor.Next(out long offset, out _, out long length))
        {
            T* p = origin + offset;
            double part = operation switch
            {
                ReductionOperation.Min => Extreme(p, length, max: false),
                ReductionOperation.Max => Extreme(p, length, max: true),
                _ => typeof(T) == typeof(float) ? Sum((float*)p, length) : Sum((double*)p, length),
            };
            result = Combine(operation, result, part);
        }

        return result;
    }

    /// <summary>
    /// The sum in double of <paramref name="count"/> floats. Widening each float to double is what limits the speed, so
    /// the widest vectors are used: a 512-bit conversion handles 8 floats, twice as many as with 256-bit vectors, which
    /// keeps two threads at the speed of memory. Only the order of the (exact-input) double additions depends on the path.
    /// </summary>
    private static double Sum(float* p, long count)
    {
        long i = 0;
        double sum = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var acc0 = Vector512<double>.Zero;
            var acc1 = Vector512<double>.Zero;
            var acc2 = Vector512<double>.Zero;
            var acc3 = Vector512<double>.Zero;
            int lanes = Vector512<float>.Count;
            for (; i <= count - (2 * lanes); i += 2 * lanes)
            {
                var (low0, high0) = Vector512.Widen(Vector512.Load(p + i));
                var (low1, high1) = Vector512.Widen(Vector512.Load(p + i + lanes));
                acc0 += low0;
                acc1 += high0;
                acc2 += low1;
                acc3 += high1;
            }

            sum = Vector512.Sum((acc0 + acc1) + (acc2 + acc3));
        }
        else if (Vector.IsHardwareAccelerated)
        {
            var acc0 = Vector<double>.Zero;
            var acc1 = Vector<double>.Zero;
            var acc2 = Vector<double>.Zero;
            var acc3 = Vector<double>.Zero;
            int lanes = Vector<float>.Count;
            for (; i <= count - (2 * lanes); i += 2 * lanes)
            {
                Vector.Widen(Vector.Load(p + i), out var low0, out var high0);
                Vector.Widen(Vector.Load(p + i + lanes), out var low1, out var high1);
                acc0 += low0;
                acc1 += high0;
                acc2 += low1;
                acc3 += high1;
            }

            sum = Vector.Sum((acc0 + acc1) + (acc2 + acc3));
        }

        for (; i < count; i++)
        {
            sum += p[i];
        }

        return sum;
    }

    private static double Sum(double* p, long count)
    {
        var acc0 = Vector<double>.Zero;
        var acc1 = Vector<double>.Zero;
        long i = 0;
        int lanes = Vector<double>.Count;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= count - (2 * lanes); i += 2 * lanes)
            {
                acc0 += Vector.Load(p + i);
                acc1 += Vector.Load(p + i + lanes);
            }
        }

        double sum = Vector.Sum(acc0 + acc1);
        for (; i < count; i++)
        {
            sum += p[i];
        }

        return sum;
    }

    private static double Extreme<T>(T* p, long count, bool max)
        where T : unmanaged, INumber<T> =>
        max ? Extreme<T, MaxOf<T>>(p, count) : Extreme<T, MinOf<T>>(p, count);

    /// <summary>Minimum or maximum; NaN lanes are detected by x ≠ x (compared bitwise, as the all-ones mask is itself a
    /// NaN pattern) and make the result NaN.</summary>
    private static double Extreme<T, TPick>(T* p, long count)
        where T : unmanaged, INumber<T>
        where TPick : struct, IPick<T>
    {
        T best = p[0];
        long i = 0;
        int lanes = Vector<T>.Count;
        if (Vector.IsHardwareAccelerated && count >= 2 * lanes)
        {
            var acc0 = Vector.Load(p);
            var acc1 = acc0;
            var numbers = Vector<T>.AllBitsSet;
            for (; i <= count - (2 * lanes); i += 2 * lanes)
            {
                var v0 = Vector.Load(p + i);
                var v1 = Vector.Load(p + i + lanes);
                numbers &= Vector.Equals(v0, v0) & Vector.Equals(v1, v1);
                acc0 = TPick.Pick(acc0, v0);
                acc1 = TPick.Pick(acc1, v1);
            }

            if (!Vector.EqualsAll(Vector.AsVectorByte(numbers), Vector<byte>.AllBitsSet))
            {
                return double.NaN;
            }

            acc0 = TPick.Pick(acc0, acc1);
            best = acc0[0];
            for (int lane = 1; lane < lanes; lane++)
            {
                best = TPick.Pick(best, acc0[lane]);
            }
        }

        for (; i < count; i++)
        {
            T v = p[i];
            if (T.IsNaN(v))
            {
                return double.NaN;
            }

            best = TPick.Pick(best, v);
        }

        return double.CreateChecked(best);
    }

    /// <summary>Chooses between two values (or lanes); generic struct arguments let the JIT specialise the loop.</summary>
    private interface IPick<T>
        where T : unmanaged, INumber<T>
    {
        static abstract T Pick(T a, T b);

        static abstract Vector<T> Pick(Vector<T> a, Vector<T> b);
    }

    private readonly struct MinOf<T> : IPick<T>
        where T : unmanaged, INumber<T>
    {
        public static T Pick(T a, T b) => T.Min(a, b);

        public static Vector<T> Pick(Vector<T> a, Vector<T> b) => Vector.Min(a, b);
    }

    private readonly struct MaxOf<T> : IPick<T>
        where T : unmanaged, INumber<T>
    {
        public static T Pick(T a, T b) => T.Max(a, b);

        public static Vector<T> Pick(Vector<T> a, Vector<T> b) => Vector.Max(a, b);
    }
}
