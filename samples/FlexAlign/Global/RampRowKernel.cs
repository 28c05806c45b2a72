using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Oompa.Samples.FlexAlign.Global;

/// <summary>
/// One row of the phase-ramp sum over interleaved (re, im) floats: <c>sum[x] += input[x]·(columns[x]·row)</c>.
/// A complex product p·q is vectorised as (p.re, p.re)·(q.re, q.im) + (p.im, p.im)·(−q.im, q.re), which rounds like
/// the scalar <c>(p.re·q.re − p.im·q.im, p.re·q.im + p.im·q.re)</c> of <see cref="Core.Data.ComplexF"/>.
/// </summary>
internal static unsafe class RampRowKernel
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Accumulate(float* input, float* columns, Core.Data.ComplexF row, float* sum, int count)
    {
        int x = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var re = Vector256.Create(0, 0, 2, 2, 4, 4, 6, 6);
            var im = Vector256.Create(1, 1, 3, 3, 5, 5, 7, 7);
            var swap = Vector256.Create(1, 0, 3, 2, 5, 4, 7, 6);
            var sign = Vector256.Create(-1f, 1f, -1f, 1f, -1f, 1f, -1f, 1f);
            var r = Vector256.Create(row.Re, row.Im, row.Re, row.Im, row.Re, row.Im, row.Re, row.Im);
            var rSwapped = Vector256.Create(-row.Im, row.Re, -row.Im, row.Re, -row.Im, row.Re, -row.Im, row.Re);
            for (; x <= count - 4; x += 4)
            {
                var c = Vector256.Load(columns + (2 * x));
                var factor = (Vector256.Shuffle(c, re) * r) + (Vector256.Shuffle(c, im) * rSwapped);
                var v = Vector256.Load(input + (2 * x));
                var product = (Vector256.Shuffle(v, re) * factor) + (Vector256.Shuffle(v, im) * (Vector256.Shuffle(factor, swap) * sign));
                (Vector256.Load(sum + (2 * x)) + product).Store(sum + (2 * x));
            }
        }

        for (; x < count; x++)
        {
            float cr = columns[2 * x];
            float ci = columns[(2 * x) + 1];
            float fr = (cr * row.Re) - (ci * row.Im);
            float fi = (cr * row.Im) + (ci * row.Re);
            float vr = input[2 * x];
            float vi = input[(2 * x) + 1];
            sum[2 * x] += (vr * fr) - (vi * fi);
            sum[(2 * x) + 1] += (vr * fi) + (vi * fr);
        }
    }
}
