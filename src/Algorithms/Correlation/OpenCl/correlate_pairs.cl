// Correlation: out[p] = Data1[i]·conj(Data2[j])·sign for every pair p = (i, j) of CorrelationPairs, in the CPU's order.
// The host enumerates the pairs with CorrelationPairs and passes a table of image offsets (i·stride1, j·stride2) per
// output index, and per row of an image (row1, row2, output row, centring sign (−1)^(y+z) on unshifted indices); odd
// columns take the opposite sign when `alternate` is set. Rounding equals the CPU kernel's:
// re = (a.re·b.re + a.im·b.im)·k, im = (a.re·(−b.im) + a.im·b.re)·k, no contraction into FMAs.
// Tuning: WG_X work-items per group along a row, WG_Y (row, pair-tile) items per group, ITEMS column chunks per
// work-item (strided by WG_X·VEC), VEC coefficients per load (1: float2, 2: float4 via vload4/vstore4, any alignment),
// PAIRS consecutive pairs per work-item: the Data1 row stays in registers while consecutive pairs share image i.
#pragma OPENCL FP_CONTRACT OFF

inline float2 correlate(const float2 a, const float2 b, const float k)
{
    return (float2)(((a.x * b.x) + (a.y * b.y)) * k, ((a.x * -b.y) + (a.y * b.x)) * k);
}

__kernel __attribute__((reqd_work_group_size(WG_X, WG_Y, 1)))
void correlate_pairs(
    __global const float2* data1,
    __global const float2* data2,
    __global float2* out,
    __global const int4* rows,
    __global const int2* pairs,
    const int width,
    const int rowsPerSignal,
    const int pairCount,
    const int outStride,
    const int alternate)
{
    const int tiles = (pairCount + PAIRS - 1) / PAIRS;
    const int total = tiles * rowsPerSignal;
    const int first = get_group_id(0) * (WG_X * ITEMS * VEC) + get_local_id(0) * VEC;
    float2 a[ITEMS * VEC];
    // Items beyond the launched range (very large batches) are visited by a grid-stride loop.
    for (size_t next = get_global_id(1); next < (size_t)total; next += get_global_size(1))
    {
        const int item = (int)next;
        const int tile = item / rowsPerSignal;
        const int r = item - tile * rowsPerSignal;
        const int4 t = rows[r];
        const float s = (float)t.w;
        const float u = alternate ? -s : s;
        const int end = min((tile + 1) * PAIRS, pairCount);
        int loaded = -1;
        for (int p = tile * PAIRS; p < end; p++)
        {
            const int2 offsets = pairs[p];
            if (offsets.x != loaded)
            {
                __global const float2* ra = data1 + (offsets.x + t.x);
#pragma unroll
                for (int i = 0; i < ITEMS; i++)
                {
#pragma unroll
                    for (int v = 0; v < VEC; v++)
                    {
                        const int x = first + i * (WG_X * VEC) + v;
                        a[i * VEC + v] = x < width ? ra[x] : (float2)(0.0f, 0.0f);
                    }
                }

                loaded = offsets.x;
            }

            __global const float2* rb = data2 + (offsets.y + t.y);
            __global float2* ro = out + (p * outStride + t.z);
#pragma unroll
            for (int i = 0; i < ITEMS; i++)
            {
                const int x = first + i * (WG_X * VEC);
#if VEC == 2
                if (x + 1 < width)
                {
                    // x is even: (s, u) are the signs of columns x and x + 1.
                    const float4 b = vload4(0, (__global const float*)(rb + x));
                    const float2 c0 = correlate(a[2 * i], b.xy, s);
                    const float2 c1 = correlate(a[2 * i + 1], b.zw, u);
                    vstore4((float4)(c0, c1), 0, (__global float*)(ro + x));
                }
                else if (x < width)
                {
                    ro[x] = correlate(a[2 * i], rb[x], s);
                }
#else
                if (x < width)
                {
                    ro[x] = correlate(a[i], rb[x], (x & 1) ? u : s);
                }
#endif
            }
        }
    }
}
