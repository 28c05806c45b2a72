// ExtremaFinder: per signal, the element of highest score inside a search box (NaN ignored, ties to the lowest
// box-linear index, z then y then x), then sub-pixel refinement of its location. Three kernels:
//   extrema_partial  work-groups reduce contiguous chunks of each signal's box to (score, index) pairs;
//   extrema_combine  one work-group per signal reduces its chunks' pairs (only when a signal has several chunks);
//   extrema_refine   one work-item per signal: value, integer location and sub-pixel refinement, as
//                    Cpu/ExtremaRefinement.cs and Cpu/QuadraticFit.cs compute them but in float: scores are divided by
//                    the extremum's score (log-scores offset by its logarithm), which leaves every estimate unchanged
//                    and keeps sums in range, and offsets are summed relative to the integer extremum.
// The extremum type is a field of the box (a kernel argument, so one program serves every type). Tuning: WG_SIZE
// (a power of two) and ITEMS (elements each work-item loads per round, strided by WG_SIZE so loads stay coalesced).
#pragma OPENCL FP_CONTRACT OFF

// Score of value v for extremum type t (0 max: s = v, 1 min: s = -v, 2 abs-max: s = |v|); the highest score wins.
inline float score_of(int t, float v)
{
    return t == 1 ? -v : (t == 2 ? fabs(v) : v);
}

// A box inside each signal (see ExtremaBox.cs; field order must match). Box-linear index i: x fastest, then y, then z.
typedef struct
{
    int width, height, depth;
    int row_stride, plane_stride, signal_stride;
    int origin;  // offset of the box's first element in signal 0
    int count;   // width * height * depth
    int type;    // extremum type, see score_of
} box;

inline int box_offset_of(const box b, int i)
{
    if (b.width == b.count)
    {
        return i;  // one contiguous row (the host joins contiguous boxes): no division per element
    }

    const int row = i / b.width;
    return (row / b.height) * b.plane_stride + (row % b.height) * b.row_stride + (i - row * b.width);
}

// Whether the pair (s, i) ranks before (bs, bi): a higher score, or the same score at a lower index; i < 0 is "none".
inline bool ranks_before(float s, int i, float bs, int bi)
{
    return i >= 0 && (bi < 0 || s > bs || (s == bs && i < bi));
}

// Tree reduction of the work-group's pairs into ls[0], li[0]; ends with a barrier.
inline void reduce_pairs(__local float* ls, __local int* li, int lid)
{
    for (int stride = WG_SIZE / 2; stride > 0; stride >>= 1)
    {
        barrier(CLK_LOCAL_MEM_FENCE);
        if (lid < stride && ranks_before(ls[lid + stride], li[lid + stride], ls[lid], li[lid]))
        {
            ls[lid] = ls[lid + stride];
            li[lid] = li[lid + stride];
        }
    }

    barrier(CLK_LOCAL_MEM_FENCE);
}

// Slot s = n * groups + g covers box indices [g * chunk, min((g + 1) * chunk, count)) of signal n.
__kernel __attribute__((reqd_work_group_size(WG_SIZE, 1, 1)))
void extrema_partial(__global const float* data, const box b, const int signals, const int groups, const int chunk,
                     __global float* scores, __global int* indices)
{
    __local float ls[WG_SIZE];
    __local int li[WG_SIZE];
    const int lid = get_local_id(0);
    const int slots = signals * groups;
    for (int slot = get_group_id(0); slot < slots; slot += get_num_groups(0))
    {
        const int n = slot / groups;
        const uint start = (uint)(slot - n * groups) * (uint)chunk;
        const uint end = min((uint)b.count, start + (uint)chunk);
        __global const float* signal = data + b.origin + n * b.signal_stride;
        float best = -INFINITY;
        int bi = -1;
        for (uint base = start + lid; base < end; base += WG_SIZE * ITEMS)
        {
            float v[ITEMS];
            for (int k = 0; k < ITEMS; k++)
            {
                const uint i = base + k * WG_SIZE;
                v[k] = i < end ? signal[box_offset_of(b, (int)i)] : NAN;
            }

            // Indices grow with k, so within one work-item a strictly higher score is needed to win.
            for (int k = 0; k < ITEMS; k++)
            {
                const float s = score_of(b.type, v[k]);
                if (!isnan(v[k]) && (bi < 0 || s > best))
                {
                    best = s;
                    bi = (int)(base + k * WG_SIZE);
                }
            }
        }

        ls[lid] = best;
        li[lid] = bi;
        reduce_pairs(ls, li, lid);
        if (lid == 0)
        {
            scores[slot] = ls[0];
            indices[slot] = li[0];
        }
    }
}

// One work-group per signal: the best of its `groups` pairs goes to slot n * groups.
__kernel __attribute__((reqd_work_group_size(WG_SIZE, 1, 1)))
void extrema_combine(const int signals, const int groups, __global float* scores, __global int* indices)
{
    __local float ls[WG_SIZE];
    __local int li[WG_SIZE];
    const int lid = get_local_id(0);
    for (int n = get_group_id(0); n < signals; n += get_num_groups(0))
    {
        float best = -INFINITY;
        int bi = -1;
        for (int g = lid; g < groups; g += WG_SIZE)
        {
            const int slot = n * groups + g;
            if (ranks_before(scores[slot], indices[slot], best, bi))
            {
                best = scores[slot];
                bi = indices[slot];
            }
        }

        ls[lid] = best;
        li[lid] = bi;
        reduce_pairs(ls, li, lid);
        if (lid == 0)
        {
            scores[n * groups] = ls[0];
            indices[n * groups] = li[0];
        }
    }
}

// ---- refinement ----

#define PRECISION_WEIGHTED3X3 1
#define PRECISION_CENTROID 2
#define PRECISION_GAUSSIAN_FIT3 3

#define AT(o, b, x, y, z) score_of((b).type, (o)[(z) * (b).plane_stride + (y) * (b).row_stride + (x)])

// Math.Clamp: NaN stays NaN (OpenCL's clamp leaves NaN undefined).
inline float clamp_keep_nan(float v, float lo, float hi)
{
    return v < lo ? lo : (v > hi ? hi : v);
}

inline float3 weighted3x3(__global const float* o, const box b, int bx, int by, int bz, float peak)
{
    float sw = 0, sx = 0, sy = 0, sz = 0;
    for (int z = max(0, bz - 1); z <= min(b.depth - 1, bz + 1); z++)
    {
        for (int y = max(0, by - 1); y <= min(b.height - 1, by + 1); y++)
        {
            for (int x = max(0, bx - 1); x <= min(b.width - 1, bx + 1); x++)
            {
                const float s = AT(o, b, x, y, z);
                if (!isnan(s))
                {
                    const float w = fmax(0.0f, s / peak);
                    sw += w;
                    sx += (x - bx) * w;
                    sy += (y - by) * w;
                    sz += (z - bz) * w;
                }
            }
        }
    }

    return (float3)(sx / sw, sy / sw, sz / sw);
}

// Whether every score on the shell of half-size n is at least the threshold.
inline bool shell_at_least(__global const float* o, const box b, int bx, int by, int bz, int n, bool ax, bool ay, bool az, float threshold)
{
    const int nx = ax ? n : 0, ny = ay ? n : 0, nz = az ? n : 0;
    for (int z = bz - nz; z <= bz + nz; z++)
    {
        for (int y = by - ny; y <= by + ny; y++)
        {
            const bool whole_row = (az && abs(z - bz) == n) || (ay && abs(y - by) == n);
            if (whole_row)
            {
                for (int x = bx - nx; x <= bx + nx; x++)
                {
                    if (!(AT(o, b, x, y, z) >= threshold))
                    {
                        return false;
                    }
                }
            }
            else if (ax && !(AT(o, b, bx - n, y, z) >= threshold && AT(o, b, bx + n, y, z) >= threshold))
            {
                return false;
            }
        }
    }

    return true;
}

inline float3 centroid(__global const float* o, const box b, int bx, int by, int bz, float peak)
{
    const bool ax = b.width > 1, ay = b.height > 1, az = b.depth > 1;
    if (!(ax || ay || az))
    {
        return (float3)(0.0f);
    }

    const float threshold = peak * M_SQRT1_2_F;
    int fit = INT_MAX;
    fit = ax ? min(fit, min(bx, b.width - 1 - bx)) : fit;
    fit = ay ? min(fit, min(by, b.height - 1 - by)) : fit;
    fit = az ? min(fit, min(bz, b.depth - 1 - bz)) : fit;
    int n = 1;
    while (n <= fit && shell_at_least(o, b, bx, by, bz, n, ax, ay, az, threshold))
    {
        n++;
    }

    const int m = min(n, fit);
    const int nx = ax ? m : 0, ny = ay ? m : 0, nz = az ? m : 0;
    float sw = 0, sx = 0, sy = 0, sz = 0;
    for (int z = bz - nz; z <= bz + nz; z++)
    {
        for (int y = by - ny; y <= by + ny; y++)
        {
            for (int x = bx - nx; x <= bx + nx; x++)
            {
                const float s = AT(o, b, x, y, z);
                if (s > 0)
                {
                    const float w = s / peak;
                    sw += w;
                    sx += (x - bx) * w;
                    sy += (y - by) * w;
                    sz += (z - bz) * w;
                }
            }
        }
    }

    return (float3)(sx / sw, sy / sw, sz / sw);
}

// Solves H x = r for a symmetric k x k H (k <= 3) by Cholesky of -H; false unless -H is positive definite.
inline bool solve_negative_definite(const float* h, const float* r, int k, float* x)
{
    float l[9] = { 0 };
    for (int i = 0; i < k; i++)
    {
        for (int j = 0; j <= i; j++)
        {
            float sum = -h[i * 3 + j];
            for (int m = 0; m < j; m++)
            {
                sum -= l[i * 3 + m] * l[j * 3 + m];
            }

            if (i == j)
            {
                if (!(sum > 0))
                {
                    return false;
                }

                l[i * 3 + i] = sqrt(sum);
            }
            else
            {
                l[i * 3 + j] = sum / l[j * 3 + j];
            }
        }
    }

    float y[3];
    for (int i = 0; i < k; i++)
    {
        float sum = -r[i];
        for (int m = 0; m < i; m++)
        {
            sum -= l[i * 3 + m] * y[m];
        }

        y[i] = sum / l[i * 3 + i];
    }

    for (int i = k - 1; i >= 0; i--)
    {
        float sum = y[i];
        for (int m = i + 1; m < k; m++)
        {
            sum -= l[m * 3 + i] * x[m];
        }

        x[i] = sum / l[i * 3 + i];
    }

    return true;
}

// Vertex offset (each component clamped to [-1, 1]) of the least-squares quadratic with cross terms through the
// 3^k neighbourhood of (cx, cy, cz) (log-scores when all are positive); false when a score is not finite or the fit
// has no maximum. See Cpu/QuadraticFit.cs for the closed forms.
inline bool try_vertex(__global const float* o, const box b, int cx, int cy, int cz, bool ax, bool ay, bool az, float peak, float3* vertex)
{
    const int rx = ax ? 1 : 0, ry = ay ? 1 : 0, rz = az ? 1 : 0;
    const int k = rx + ry + rz;
    float v[27];
    bool all_positive = true;
    int count = 0;
    for (int z = -rz; z <= rz; z++)
    {
        for (int y = -ry; y <= ry; y++)
        {
            for (int x = -rx; x <= rx; x++)
            {
                const float s = AT(o, b, cx + x, cy + y, cz + z);
                if (!isfinite(s))
                {
                    return false;
                }

                all_positive &= s > 0;
                v[count++] = s;
            }
        }
    }

    const float log_peak = log(peak);
    for (int i = 0; i < count; i++)
    {
        v[i] = all_positive ? log(v[i]) - log_peak : v[i] / peak;
    }

    float bs[3] = { 0 }, d[3] = { 0 }, g[9] = { 0 };
    int n = 0;
    for (int z = -rz; z <= rz; z++)
    {
        for (int y = -ry; y <= ry; y++)
        {
            for (int x = -rx; x <= rx; x++)
            {
                int p[3];
                int a = 0;
                if (ax) p[a++] = x;
                if (ay) p[a++] = y;
                if (az) p[a++] = z;
                const float value = v[n++];
                for (int i = 0; i < k; i++)
                {
                    bs[i] += p[i] * value;
                    d[i] += p[i] == 0 ? -2 * value : value;
                    for (int j = i + 1; j < k; j++)
                    {
                        g[i * 3 + j] += p[i] * p[j] * value;
                    }
                }
            }
        }
    }

    const float lines = k == 1 ? 1.0f : (k == 2 ? 3.0f : 9.0f);
    const float cross = k == 3 ? 12.0f : 4.0f;
    float h[9] = { 0 }, rhs[3] = { 0 }, solution[3] = { 0 };
    for (int i = 0; i < k; i++)
    {
        h[i * 3 + i] = 2 * d[i] / (2 * lines);
        rhs[i] = -bs[i] / (2 * lines);
        for (int j = i + 1; j < k; j++)
        {
            h[i * 3 + j] = h[j * 3 + i] = g[i * 3 + j] / cross;
        }
    }

    if (!solve_negative_definite(h, rhs, k, solution))
    {
        return false;
    }

    int s = 0;
    const float ox = ax ? clamp_keep_nan(solution[s++], -1.0f, 1.0f) : 0.0f;
    const float oy = ay ? clamp_keep_nan(solution[s++], -1.0f, 1.0f) : 0.0f;
    const float oz = az ? clamp_keep_nan(solution[s], -1.0f, 1.0f) : 0.0f;
    *vertex = (float3)(ox, oy, oz);
    return true;
}

// Offset of the vertex of the parabola through (-1, m), (0, c), (1, p), on logarithms when all are positive.
inline float parabola_vertex(float minus, float centre, float plus)
{
    if (isnan(minus) || isnan(plus))
    {
        return 0;
    }

    if (minus > 0 && plus > 0)
    {
        const float lc = log(centre);
        minus = log(minus) - lc;
        plus = log(plus) - lc;
        centre = 0;
    }
    else
    {
        minus /= centre;
        plus /= centre;
        centre = 1;
    }

    const float curvature = minus - 2 * centre + plus;
    return curvature < 0 ? clamp_keep_nan(0.5f * (minus - plus) / curvature, -0.5f, 0.5f) : 0.0f;
}

// Returns the offset from (bx, by, bz) and moves the integer part of a re-centred fit into *centre.
inline float3 gaussian_fit3(__global const float* o, const box b, int bx, int by, int bz, float peak, int3* centre)
{
    const bool ax = b.width > 1, ay = b.height > 1, az = b.depth > 1;
    const bool inside = (!ax || (bx > 0 && bx < b.width - 1)) && (!ay || (by > 0 && by < b.height - 1)) && (!az || (bz > 0 && bz < b.depth - 1));
    float3 vertex;
    if (inside && try_vertex(o, b, bx, by, bz, ax, ay, az, peak, &vertex))
    {
        int cx = bx, cy = by, cz = bz;
        for (int step = 0; step < 3 && (fabs(vertex.x) > 0.5f || fabs(vertex.y) > 0.5f || fabs(vertex.z) > 0.5f); step++)
        {
            const int nx = cx + (int)rint(vertex.x), ny = cy + (int)rint(vertex.y), nz = cz + (int)rint(vertex.z);
            const bool moved_inside = (!ax || (nx > 0 && nx < b.width - 1)) && (!ay || (ny > 0 && ny < b.height - 1)) && (!az || (nz > 0 && nz < b.depth - 1));
            float3 moved;
            if (!moved_inside || !try_vertex(o, b, nx, ny, nz, ax, ay, az, peak, &moved))
            {
                break;
            }

            cx = nx;
            cy = ny;
            cz = nz;
            vertex = moved;
        }

        *centre = (int3)(cx, cy, cz);
        return vertex;
    }

    const float dx = bx > 0 && bx < b.width - 1 ? parabola_vertex(AT(o, b, bx - 1, by, bz), peak, AT(o, b, bx + 1, by, bz)) : 0.0f;
    const float dy = by > 0 && by < b.height - 1 ? parabola_vertex(AT(o, b, bx, by - 1, bz), peak, AT(o, b, bx, by + 1, bz)) : 0.0f;
    const float dz = bz > 0 && bz < b.depth - 1 ? parabola_vertex(AT(o, b, bx, by, bz - 1), peak, AT(o, b, bx, by, bz + 1)) : 0.0f;
    return (float3)(dx, dy, dz);
}

// start: the box's first element in the signal's frame, added to locations. write: bit 0 values, bit 1 locations.
__kernel __attribute__((reqd_work_group_size(WG_SIZE, 1, 1)))
void extrema_refine(__global const float* data, const box b, const int signals, const int groups,
                    __global const int* indices, const int precision, const int4 start, const int write,
                    __global float* values, __global float* locations)
{
    for (int n = get_global_id(0); n < signals; n += get_global_size(0))
    {
        const int index = indices[n * groups];
        __global const float* o = data + b.origin + n * b.signal_stride;
        float value = NAN;
        float3 at = (float3)(NAN);
        if (index >= 0)
        {
            const int row = index / b.width;
            const int bx = index - row * b.width, by = row % b.height, bz = row / b.height;
            value = o[bz * b.plane_stride + by * b.row_stride + bx];
            const float peak = score_of(b.type, value);
            int3 centre = (int3)(bx, by, bz);
            float3 offset = (float3)(0.0f);
            if (precision != 0 && peak > 0 && !isinf(peak))
            {
                offset = precision == PRECISION_WEIGHTED3X3 ? weighted3x3(o, b, bx, by, bz, peak)
                    : precision == PRECISION_CENTROID ? centroid(o, b, bx, by, bz, peak)
                    : gaussian_fit3(o, b, bx, by, bz, peak, &centre);
            }

            at = convert_float3(centre + start.xyz) + offset;
        }

        if (write & 1)
        {
            values[n] = value;
        }

        if (write & 2)
        {
            locations[3 * n] = at.x;
            locations[3 * n + 1] = at.y;
            locations[3 * n + 2] = at.z;
        }
    }
}
