// Test kernel of the tuning tests: data += scale * addend over the logical elements (padding untouched).
// Tuning: WG_SIZE work-items per group along x; BROKEN=1 forgets the accumulation, so its output fails validation.
__kernel __attribute__((reqd_work_group_size(WG_SIZE, 1, 1)))
void accumulate(__global float* data, const layout dl, __global const float* addend, const layout al, const float scale)
{
    const int row = get_global_id(1);
    const int x = get_global_id(0);
    if (x < dl.x)
    {
        const int d = layout_row_start(dl, row) + x;
        const int a = layout_row_start(al, row) + x;
#if BROKEN
        data[d] = scale * addend[a];
#else
        data[d] += scale * addend[a];
#endif
    }
}
