using System.Numerics;
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

    private static double Sum(float* p, long count)
    {
        var acc0 = Vector<double>.Zero;
        var acc1 = Vector<double>.Zero;
        long i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= count - Vector<float>.Count; i += Vector<float>.Count)
            {
                Vector.Widen(Vector.Load(p + i), out var low, out var high);
                acc0 += low;
                acc1 += high;
            }
        }

        double sum = Vector.Sum(acc0 + acc1);
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
        where T : unmanaged, INumber<T>
    {
        T best = p[0];
        long i = 0;
        int lanes = Vector<T>.Count;
        if (Vector.IsHardwareAccelerated && count >= lanes)
        {
            var acc = Vector.Load(p);
            for (; i <= count - lanes; i += lanes)
            {
                var v = Vector.Load(p + i);
                if (!Vector.EqualsAll(v, v))
                {
                    return double.NaN;
                }

                acc = max ? Vector.Max(acc, v) : Vector.Min(acc, v);
            }

            best = acc[0];
            for (int lane = 1; lane < lanes; lane++)
            {
                best = max ? T.Max(best, acc[lane]) : T.Min(best, acc[lane]);
            }
        }

        for (; i < count; i++)
        {
            T v = p[i];
            if (T.IsNaN(v))
            {
                return double.NaN;
            }

            best = max ? T.Max(best, v) : T.Min(best, v);
        }

        return double.CreateChecked(best);
    }
}
