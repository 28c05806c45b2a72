using System.Runtime.CompilerServices;
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    /// <summary>dst[i] = 0 for <paramref name="floats"/> floats (plain vector stores; short tails are common).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Zero(float* dst, int floats)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= floats - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                Vector256<float>.Zero.Store(dst + i);
            }
        }

        for (; i < floats; i++)
        {
            dst[i] = 0;
        }
    }

    /// <summary>dst[i] = src[i] · (factors[i] · s) for <paramref name="floats"/> floats.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
    /// For <paramref name="count"/> complex values: dst[x] = src[x] · ((filter[x] · s) · factors[2x]), with
    /// <paramref name="filter"/> holding one float per column and <paramref name="factors"/> (null: all ones) each
    /// column factor twice. The filter is widened to (re, im) lanes with in-register shuffles.
    /// </summary>
    public static void ScaleByFilter(float* src, float* dst, int count, float* filter, float* factors, float s)
    {
        if (factors == null)
        {
            ScaleByFilter<WithoutFactors>(src, dst, count, filter, factors, s);
        }
        else
        {
            ScaleByFilter<WithFactors>(src, dst, count, filter, factors, s);
        }
    }

    // The marker type is a compile-time constant per instantiation, so each loop is specialised without a branch.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ScaleByFilter<TFactors>(float* src, float* dst, int count, float* filter, float* factors, float s)
        where TFactors : struct
    {
        bool useFactors = typeof(TFactors) == typeof(WithFactors);
        int x = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var vs = Vector256.Create(s);
            var low = Vector256.Create(0, 0, 1, 1, 2, 2, 3, 3);
            var high = Vector256.Create(4, 4, 5, 5, 6, 6, 7, 7);
            for (; x <= count - 8; x += 8)
            {
                var f = Vector256.Load(filter + x) * vs;
                var k0 = Vector256.Shuffle(f, low);
                var k1 = Vector256.Shuffle(f, high);
                if (useFactors)
                {
                    k0 *= Vector256.Load(factors + (2 * x));
                    k1 *= Vector256.Load(factors + (2 * x) + 8);
                }

                (Vector256.Load(src + (2 * x)) * k0).Store(dst + (2 * x));
                (Vector256.Load(src + (2 * x) + 8) * k1).Store(dst + (2 * x) + 8);
            }
        }

        if (Vector128.IsHardwareAccelerated)
        {
            var vs = Vector128.Create(s);
            var low = Vector128.Create(0, 0, 1, 1);
            var high = Vector128.Create(2, 2, 3, 3);
            for (; x <= count - 4; x += 4)
            {
                var f = Vector128.Load(filter + x) * vs;
                var k0 = Vector128.Shuffle(f, low);
                var k1 = Vector128.Shuffle(f, high);
                if (useFactors)
                {
                    k0 *= Vector128.Load(factors + (2 * x));
                    k1 *= Vector128.Load(factors + (2 * x) + 4);
                }

                (Vector128.Load(src + (2 * x)) * k0).Store(dst + (2 * x));
                (Vector128.Load(src + (2 * x) + 4) * k1).Store(dst + (2 * x) + 4);
            }
        }

        for (; x < count; x++)
        {
            float k = filter[x] * s;
            if (useFactors)
            {
                k *= factors[2 * x];
            }

            dst[2 * x] = src[2 * x] * k;
            dst[(2 * x) + 1] = src[(2 * x) + 1] * k;
        }
    }

    private struct WithFactors;

    private struct WithoutFactors;
}
