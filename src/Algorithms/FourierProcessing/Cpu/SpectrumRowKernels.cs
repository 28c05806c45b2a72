using System.Runtime.Intrinsics;

namespace Oompa.Algorithms.FourierProcessing.Cpu;

/// <summary>
/// Row kernels on interleaved (re, im) floats: a complex value times a real factor is two float products, so rows are
/// processed as float streams with <see cref="Vector256"/> / <see cref="Vector128"/> and a scalar tail. Every path
/// multiplies in the same order, so results do not depend on the vector width. Source and destination may be the same
/// row (in place) but must not otherwise overlap.
/// </summary>
internal static unsafe class SpectrumRowKernels
{
    /// <summary>dst[i] = src[i] · s for <paramref name="floats"/> floats.</summary>
    public static void Scale(float* src, float* dst, int floats, float s)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var vs = Vector256.Create(s);
            for (; i <= floats - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                (Vector256.Load(src + i) * vs).Store(dst + i);
            }
        }

        if (Vector128.IsHardwareAccelerated)
        {
            var vs = Vector128.Create(s);
            for (; i <= floats - Vector128<float>.Count; i += Vector128<float>.Count)
            {
                (Vector128.Load(src + i) * vs).Store(dst + i);
            }
        }

        for (; i < floats; i++)
        {
            dst[i] = src[i] * s;
        }
    }

    /// <summary>dst[i] = src[i] · (factors[i] · s) for <paramref name="floats"/> floats.</summary>
    public static void ScaleByFactors(float* src, float* dst, int floats, float* factors, float s)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var vs = Vector256.Create(s);
            for (; i <= floats - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                (Vector256.Load(src + i) * (Vector256.Load(factors + i) * vs)).Store(dst + i);
            }
        }

        if (Vector128.IsHardwareAccelerated)
        {
            var vs = Vector128.Create(s);
            for (; i <= floats - Vector128<float>.Count; i += Vector128<float>.Count)
            {
                (Vector128.Load(src + i) * (Vector128.Load(factors + i) * vs)).Store(dst + i);
            }
        }

        for (; i < floats; i++)
        {
            dst[i] = src[i] * (factors[i] * s);
        }
    }

    /// <summary>
    /// For <paramref name="count"/> complex values: dst[x] = src[x] · ((filter[x] · factors[2x]) · s), with
    /// <paramref name="factors"/> holding each column factor twice and <paramref name="filter"/> one float per column.
    /// </summary>
    public static void ScaleByFilter(float* src, float* dst, int count, float* filter, float* factors, float s)
    {
        int x = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var vs = Vector256.Create(s);
            var low = Vector128.Create(0, 0, 1, 1);
            var high = Vector128.Create(2, 2, 3, 3);
            for (; x <= count - 4; x += 4)
            {
                var f = Vector128.Load(filter + x);
                var twice = Vector256.Create(Vector128.Shuffle(f, low), Vector128.Shuffle(f, high));
                (Vector256.Load(src + (2 * x)) * ((twice * Vector256.Load(factors + (2 * x))) * vs)).Store(dst + (2 * x));
            }
        }

        if (Vector128.IsHardwareAccelerated)
        {
            var vs = Vector128.Create(s);
            for (; x <= count - 2; x += 2)
            {
                var twice = Vector128.Create(filter[x], filter[x], filter[x + 1], filter[x + 1]);
                (Vector128.Load(src + (2 * x)) * ((twice * Vector128.Load(factors + (2 * x))) * vs)).Store(dst + (2 * x));
            }
        }

        for (; x < count; x++)
        {
            float k = (filter[x] * factors[2 * x]) * s;
            dst[2 * x] = src[2 * x] * k;
            dst[(2 * x) + 1] = src[(2 * x) + 1] * k;
        }
    }
}
