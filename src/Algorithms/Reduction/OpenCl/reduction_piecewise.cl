// Reduction, PiecewiseAdd: out[i] += in[i] over the data elements of a padded layout; padding is untouched. Each
// element is read before it is written by the same work-item, so out and in may be the same buffer.
// Problem constants: T (float or double), IS_DOUBLE. A Complex32 layout is a float layout with two scalars per
// element. Tuning: WG_SIZE (work-items per group), ITEMS (vectors per work-item), VECTOR (scalars per load: 1, 2, 4).
#ifdef IS_DOUBLE
#pragma OPENCL EXTENSION cl_khr_fp64 : enable
#endif

#define CAT2(a, b) a##b
#define CAT(a, b) CAT2(a, b)

// Rows of `width` scalars; row r starts at layout_row_start(l, r) * components, or at 0 for a contiguous layout (one
// row holding everything). Slot s = r * blocks + b covers scalars [b * step, (b + 1) * step) of row r.
__kernel __attribute__((reqd_work_group_size(WG_SIZE, 1, 1)))
void piecewise_add(__global T* out, __global const T* in, const layout l, const int components, const int contiguous,
                   const long width, const long rows, const long blocks)
{
    const long step = (long)WG_SIZE * ITEMS * VECTOR;
    const long slots = rows * blocks;
    for (long slot = get_group_id(0); slot < slots; slot += get_num_groups(0))
    {
        const long row = slot / blocks;
        const long block = slot - row * blocks;
        const long start = contiguous ? 0 : (long)layout_row_start(l, (int)row) * components;
        for (int k = 0; k < ITEMS; k++)
        {
            const long x = block * step + ((long)k * WG_SIZE + get_local_id(0)) * VECTOR;
#if VECTOR == 1
            if (x < width)
            {
                out[start + x] += in[start + x];
            }
#else
            if (x + VECTOR <= width)
            {
                const long i = start + x;
                CAT(vstore, VECTOR)(CAT(vload, VECTOR)(0, out + i) + CAT(vload, VECTOR)(0, in + i), 0, out + i);
            }
            else
            {
                for (long j = x; j < width; j++)
                {
                    out[start + j] += in[start + j];
                }
            }
#endif
        }
    }
}
