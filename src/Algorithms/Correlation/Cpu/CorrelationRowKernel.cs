using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Oompa.Algorithms.Correlation.Cpu;

/// <summary>
/// dst[x] = a[x]·conj(b[x])·sign(x) over one row of interleaved (re, im) floats, with sign(x) = s for even x and
/// t for odd x. Vectorised as (a.re, a.re)·(b.re, −b.im) + (a.im, a.im)·(b.im, b.re), which rounds exactly like the
/// scalar re = a.re·b.re + a.im·b.im, im = a.im·b.re − a.re·b.im, so every path gives the same bits.
/// </summary>
internal static unsafe class CorrelationRowKernel
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(float* a, float* b, float* dst, int count, float s, float t)
    {
        int x = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var conj = Vector256.Create(1f, -1f, 1f, -1f, 1f, -1f, 1f, -1f);
            var sign = Vector256.Create(s, s, t, t, s, s, t, t);
            var re = Vector256.Create(0, 0, 2, 2, 4, 4, 6, 6);
            var im = Vector256.Create(1, 1, 3, 3, 5, 5, 7, 7);
            var swap = Vector256.Create(1, 0, 3, 2, 5, 4, 7, 6);
            for (; x <= count - 4; x += 4)
            {
                var va = Vector256.Load(a + (2 * x));
                var vb = Vector256.Load(b + (2 * x));
                var r = (Vector256.Shuffle(va, re) * (vb * conj)) + (Vector256.Shuffle(va, im) * Vector256.Shuffle(vb, swap));
                (r * sign).Store(dst + (2 * x));
            }
        }

        if (Vector128.IsHardwareAccelerated)
        {
            var conj = Vector128.Create(1f, -1f, 1f, -1f);
            var sign = Vector128.Create(s, s, t, t);
            var re = Vector128.Create(0, 0, 2, 2);
            var im = Vector128.Create(1, 1, 3, 3);
            var swap = Vector128.Create(1, 0, 3, 2);
            for (; x <= count - 2; x += 2)
            {
                var va = Vector128.Load(a + (2 * x));
                var vb = Vector128.Load(b + (2 * x));
                var r = (Vector128.Shuffle(va, re) * (vb * conj)) + (Vector128.Shuffle(va, im) * Vector128.Shuffle(vb, swap));
                (r * sign).Store(dst + (2 * x));
            }
        }

        for (; x < count; x++)
        {
            float ar = a[2 * x];
            float ai = a[(2 * x) + 1];
            float br = b[2 * x];
            float bi = b[(2 * x) + 1];
            float k = (x & 1) == 0 ? s : t;
            dst[2 * x] = ((ar * br) + (ai * bi)) * k;
            dst[(2 * x) + 1] = ((ar * -bi) + (ai * br)) * k;
        }
    }
}
