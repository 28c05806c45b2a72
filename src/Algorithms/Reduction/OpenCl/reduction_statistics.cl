// Reduction statistics: per signal the sum (Sum, Mean), minimum or maximum of its elements. Two kernels:
//   statistics_partial  work-groups reduce contiguous chunks of each signal (tree reduction in local memory) and,
//                       when a signal is one chunk, write its result;
//   statistics_combine  one work-group per signal reduces its chunks' partial results and writes the result.
// Problem constants: T (float or double), OP (0 sum, 1 min, 2 max), ACC_DOUBLE (sums accumulate in double; without
// it, in float-float: an unevaluated float pair hi + lo, about 48 significant bits), IS_DOUBLE. NaN anywhere gives NaN.
// Tuning: WG_SIZE (a power of two), ITEMS (elements each work-item loads per round, strided by WG_SIZE).
#if defined(ACC_DOUBLE) || defined(IS_DOUBLE)
#pragma OPENCL EXTENSION cl_khr_fp64 : enable
#endif
#pragma OPENCL FP_CONTRACT OFF

// The elements of every signal (see ReductionGeometry.cs; field order must match): element i, x fastest, lies at
// origin + n * signal_stride + (i / width / height) * plane_stride + (i / width % height) * row_stride + i % width.
typedef struct
{
    int width, height;
    int row_stride, plane_stride, signal_stride;
    int origin;
    int count;
} geometry;

inline int offset_of(const geometry g, int i)
{
    if (g.width == g.count)
    {
        return i;  // an unpadded signal is one contiguous row: no division per element
    }

    const int row = i / g.width;
    return (row / g.height) * g.plane_stride + (row % g.height) * g.row_stride + (i - row * g.width);
}

#if OP == 0
#ifdef ACC_DOUBLE
typedef double acc;
#define ACC_IDENTITY 0.0
inline acc acc_add(acc a, T v) { return a + (double)v; }
inline acc acc_combine(acc a, acc b) { return a + b; }
inline float acc_result(acc a, int count, int mean) { return mean ? (float)(a / (double)count) : (float)a; }
#else
typedef float2 acc;
#define ACC_IDENTITY ((float2)(0.0f, 0.0f))

// (a.x + a.y) + (b + lo) as a renormalised pair: Knuth's two-sum of the high parts plus the low parts. A non-finite
// high part (an infinity, NaN or overflow) has no low part, so IEEE rules for infinities and NaN carry over.
inline acc ff_add(acc a, float b, float lo)
{
    const float s = a.x + b;
    if (!isfinite(s))
    {
        return (float2)(s, 0.0f);
    }

    const float bb = s - a.x;
    const float e = ((a.x - (s - bb)) + (b - bb)) + (a.y + lo);
    const float hi = s + e;
    return (float2)(hi, e - (hi - s));
}

inline acc acc_add(acc a, T v) { return ff_add(a, v, 0.0f); }
inline acc acc_combine(acc a, acc b) { return ff_add(a, b.x, b.y); }

// The pair rounded to float (its high part), or divided by count: count as a float pair, one correction step.
inline float acc_result(acc a, int count, int mean)
{
    if (!mean || !isfinite(a.x))
    {
        return mean ? a.x / (float)count : a.x;
    }

    const float chi = (float)count;
    const float clo = (float)((long)count - (long)chi);
    const float q = a.x / chi;
    const float p = q * chi;
    const float pe = fma(q, chi, -p);
    const float r = (((a.x - p) - pe) + a.y) - q * clo;
    return q + r / chi;
}
#endif
#else
typedef T acc;
#if OP == 1
#define ACC_IDENTITY ((T)INFINITY)
inline acc acc_combine(acc a, acc b) { return isnan(a) ? a : (isnan(b) ? b : (b < a ? b : a)); }
#else
#define ACC_IDENTITY ((T)-INFINITY)
inline acc acc_combine(acc a, acc b) { return isnan(a) ? a : (isnan(b) ? b : (b > a ? b : a)); }
#endif
inline acc acc_add(acc a, T v) { return acc_combine(a, v); }
inline float acc_result(acc a, int count, int mean) { return (float)a; }
#endif

// Tree reduction of the work-group's accumulators into la[0]; ends with a barrier.
inline void reduce_group(__local acc* la, int lid)
{
    for (int stride = WG_SIZE / 2; stride > 0; stride >>= 1)
    {
        barrier(CLK_LOCAL_MEM_FENCE);
        if (lid < stride)
        {
            la[lid] = acc_combine(la[lid], la[lid + stride]);
        }
    }

    barrier(CLK_LOCAL_MEM_FENCE);
}

// Slot s = n * groups + c covers elements [c * chunk, min((c + 1) * chunk, count)) of signal n.
__kernel __attribute__((reqd_work_group_size(WG_SIZE, 1, 1)))
void statistics_partial(__global const T* data, const geometry g, const int signals, const int groups, const int chunk,
                        const int mean, __global acc* partials, __global float* values)
{
    __local acc la[WG_SIZE];
    const int lid = get_local_id(0);
    const int slots = signals * groups;
    for (int slot = get_group_id(0); slot < slots; slot += get_num_groups(0))
    {
        const int n = slot / groups;
        const uint start = (uint)(slot - n * groups) * (uint)chunk;
        const uint end = min((uint)g.count, start + (uint)chunk);
        __global const T* signal = data + g.origin + n * g.signal_stride;
        acc a = ACC_IDENTITY;
        for (uint base = start + lid; base < end; base += WG_SIZE * ITEMS)
        {
            for (int k = 0; k < ITEMS; k++)
            {
                const uint i = base + k * WG_SIZE;
                if (i < end)
                {
                    a = acc_add(a, signal[offset_of(g, (int)i)]);
                }
            }
        }

        la[lid] = a;
        reduce_group(la, lid);
        if (lid == 0)
        {
            if (groups == 1)
            {
                values[n] = acc_result(la[0], g.count, mean);
            }
            else
            {
                partials[slot] = la[0];
            }
        }
    }
}

// One work-group per signal: combines its `groups` partial results in order and writes the result.
__kernel __attribute__((reqd_work_group_size(WG_SIZE, 1, 1)))
void statistics_combine(const int signals, const int groups, const int count, const int mean,
                        __global const acc* partials, __global float* values)
{
    __local acc la[WG_SIZE];
    const int lid = get_local_id(0);
    for (int n = get_group_id(0); n < signals; n += get_num_groups(0))
    {
        acc a = ACC_IDENTITY;
        for (int c = lid; c < groups; c += WG_SIZE)
        {
            a = acc_combine(a, partials[n * groups + c]);
        }

        la[lid] = a;
        reduce_group(la, lid);
        if (lid == 0)
        {
            values[n] = acc_result(la[0], count, mean);
        }
    }
}
