// Initialization: writes one value into every data element of a padded layout; padding is untouched.
// Problem constants: T (float, double or float2). Tuning: WG_SIZE work-items per group along x, ITEMS elements each.
#ifdef IS_DOUBLE
#pragma OPENCL EXTENSION cl_khr_fp64 : enable
#endif

__kernel __attribute__((reqd_work_group_size(WG_SIZE, 1, 1)))
void fill(__global T* data, const layout l, const T value)
{
    const int row = get_global_id(1);
    const int start = layout_row_start(l, row);
    const int base = get_group_id(0) * WG_SIZE * ITEMS + get_local_id(0);
    for (int i = 0; i < ITEMS; i++)
    {
        const int x = base + i * WG_SIZE;
        if (x < l.x)
        {
            data[start + x] = value;
        }
    }
}
