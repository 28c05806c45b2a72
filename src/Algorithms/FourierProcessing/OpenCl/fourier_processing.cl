// FourierProcessing: one pass over the output rows of batched Hermitian-half spectra (crop, normalise, centre, shift,
// filter, Gaussian, maximum frequency). The host computes the same plan as the CPU strategy (FourierProcessingPlan):
// per unshifted output row r a table entry (source row, destination row, filter row, kept columns) and a scalar factor,
// and per column a factor (Gaussian(x)·(−1)^x). Every coefficient is multiplied in the CPU's order, so results are
// bit-identical to the CPU strategies: k = s, or filter·s; then k·column; then value·k. Columns past the cut are
// written as exact zeros (set, not multiplied: NaN and infinity become 0).
// Problem constants: HAS_FILTER, HAS_COLUMNS (0 or 1). Tuning: WG_X work-items per group along a row, WG_Y rows per
// group, ITEMS coefficients per work-item (strided by WG_X, so accesses stay coalesced).
#pragma OPENCL FP_CONTRACT OFF

__kernel __attribute__((reqd_work_group_size(WG_X, WG_Y, 1)))
void fourier_process(
    __global const float2* src,
    __global float2* dst,
    __global const float* filter,
    __global const int4* rows,
    __global const float* factors,
    __global const float* columns,
    const int width,
    const int rowsPerSignal,
    const int totalRows,
    const int inStride,
    const int outStride)
{
    const int first = get_group_id(0) * (WG_X * ITEMS) + get_local_id(0);
    // Rows beyond the launched range (very large batches) are visited by a grid-stride loop.
    for (size_t item = get_global_id(1); item < (size_t)totalRows; item += get_global_size(1))
    {
        const int row = (int)item;
        const int n = row / rowsPerSignal;
        const int r = row - n * rowsPerSignal;
        const int4 t = rows[r];
        const float s = factors[r];
        __global const float2* in = src + (n * inStride + t.x);
        __global float2* out = dst + (n * outStride + t.y);
#pragma unroll
        for (int i = 0; i < ITEMS; i++)
        {
            const int x = first + i * WG_X;
            if (x < width)
            {
                float2 v = (float2)(0.0f, 0.0f);
                if (x < t.w)
                {
                    float k = s;
#if HAS_FILTER
                    k = filter[t.z + x] * s;
#endif
#if HAS_COLUMNS
                    k *= columns[x];
#endif
                    v = in[x] * k;
                }

                out[x] = v;
            }
        }
    }
}
