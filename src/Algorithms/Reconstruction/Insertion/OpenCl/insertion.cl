// FourierInsertion, gather form (docs/reconstruction.md, "Insertion contract" and "OpenCL strategy").
// One work-item per position (a, b) of a traverse space's plane; BLOCK_DIM x BLOCK_DIM work-groups cover the
// (2R+1)^2 plane; each work-item walks the voxels along the solved axis c exactly as the CPU strategies do
// (Cpu/RowKernel.cs, VoxelGeometry.cs, PlaneWalk.cs: same float operations in the same order, no FMA contraction).
// Work-group z index g handles spaces g, g + GRID_DIM_Z, ... in order.
//
// Problem constants: MODE (0 blob weights from the user's table, 1 blob weights computed, 2 nearest neighbour).
// Tuning: BLOCK_DIM, TILE (thread tiling inside a block), GRID_DIM_Z (spaces inserted concurrently), ATOMICS (float
// adds by compare-and-swap; without them the host launches once per plane direction, so each work-item owns the voxels
// of its plane position and nothing races), SHARED_TABLE (the weight table copied to local memory), PRECOMP (MODE 1:
// weights interpolated linearly in a dense table the host computed in double, instead of Bessel series per pixel),
// SHARED_IMG (blob modes: the block's patch of the spectrum, up to PATCH_ELEMENTS coefficients, copied to local memory
// per space; a block whose patch is larger reads global memory, and so does any read outside the patch).
#pragma OPENCL FP_CONTRACT OFF

#ifndef PRECOMP
#define PRECOMP 0
#endif
#ifndef SHARED_TABLE
#define SHARED_TABLE 0
#endif
#ifndef SHARED_IMG
#define SHARED_IMG 0
#endif

#define READS_TABLE (MODE == 0 || (MODE == 1 && PRECOMP))
#define LOCAL_TABLE (READS_TABLE && SHARED_TABLE)

// TraverseSpace.cs: 28 four-byte fields in this order, 112 bytes.
typedef struct
{
    int minX, minY, minZ, maxX, maxY, maxZ;
    float maxDistanceSqr;
    int direction;
    float nx, ny, nz;
    float topX, topY, topZ;
    float bottomX, bottomY, bottomZ;
    int projection;
    float m00, m01, m02, m10, m11, m12, m20, m21, m22;
    float weight;
} traverse_space;

inline float pick3(const float3 v, const int axis)
{
    return axis == 0 ? v.x : (axis == 1 ? v.y : v.z);
}

inline int pick3i(const int3 v, const int axis)
{
    return axis == 0 ? v.x : (axis == 1 ? v.y : v.z);
}

// Column `axis` of M: M·e_axis.
inline float3 column(__global const traverse_space* s, const int axis)
{
    return axis == 0 ? (float3)(s->m00, s->m10, s->m20)
        : (axis == 1 ? (float3)(s->m01, s->m11, s->m21) : (float3)(s->m02, s->m12, s->m22));
}

#if ATOMICS
inline void add_to(__global float* p, const float v)
{
    volatile __global uint* q = (volatile __global uint*)p;
    uint expected = *q;
    for (;;)
    {
        const uint desired = as_uint(as_float(expected) + v);
        const uint actual = atomic_cmpxchg(q, expected, desired);
        if (actual == expected)
        {
            break;
        }

        expected = actual;
    }
}
#else
inline void add_to(__global float* p, const float v)
{
    *p += v;
}
#endif

#if MODE == 1 && !PRECOMP
// e^(-alpha)·I_m(x) for 0 <= x <= alpha, m = 0..4: the power series (positive terms) up to x = 10, scaled through
// logarithms so that large alpha cannot underflow; above, 12 terms of the asymptotic series of e^(-x)·I_m(x) (relative
// truncation error below 5e-8 at x = 10 for every order, far less beyond) times e^(x - alpha).
inline float scaled_bessel(const int m, const float x, const float alpha)
{
    if (x <= 10.0f)
    {
        const float h = 0.5f * x;
        float term = 1.0f;
        for (int k = 1; k <= m; k++)
        {
            term *= h / (float)k;
        }

        const float q = h * h;
        float sum = term;
        for (int k = 1; k < 60 && term > 1e-8f * sum; k++)
        {
            term *= q / (float)(k * (k + m));
            sum += term;
        }

        return sum > 0.0f ? exp(log(sum) - alpha) : 0.0f;
    }

    const float mu = (float)(4 * m * m);
    const float inv = 1.0f / (8.0f * x);
    float term = 1.0f;
    float sum = 1.0f;
    for (int k = 1; k <= 12; k++)
    {
        const float f = (float)(2 * k - 1);
        term *= -(mu - f * f) * inv / (float)k;
        sum += term;
    }

    return sum * rsqrt(2.0f * M_PI_F * x) * exp(x - alpha);
}

// KaiserBesselBlob.Weight(d2) in float: norm · s^m · I_m(alpha·s)·e^(-alpha), s = sqrt(1 - d2/r2), norm = Iw0·e^alpha/I_m(alpha).
inline float blob_weight(const float d2, const float r2, const int m, const float alpha, const float norm)
{
    const float t = 1.0f - d2 / r2;
    if (!(t >= 0.0f))
    {
        return 0.0f;
    }

    const float s = sqrt(t);
    float power = 1.0f;
    for (int k = 0; k < m; k++)
    {
        power *= s;
    }

    return norm * power * scaled_bessel(m, alpha * s, alpha);
}
#endif

#if LOCAL_TABLE
#define TABLE localTable
#else
#define TABLE table
#endif

__kernel __attribute__((reqd_work_group_size(BLOCK_DIM, BLOCK_DIM, 1)))
void insert(
    __global float2* volume,
    const layout vl,
    __global float* weights,
    const layout wl,
    __global const float2* spectra,
    const layout sl,
    __global const traverse_space* spaces,
    const int count,
    const int direction,
    __global const float* table,
    const int tableLength,
    const float tableScale,
    const int centre,
    const float radius,
    const int order,
    const float alpha,
    const float norm
#if LOCAL_TABLE
    , __local float* localTable
#endif
    )
{
    const int lx = get_local_id(0);
    const int ly = get_local_id(1);
#if TILE > 1
    // Thread tiling (Strelak et al. 2019): consecutive work-items cover TILE-wide columns of the block.
    const int l = ly * BLOCK_DIM + lx;
    const int tx = l % TILE + (l / (BLOCK_DIM * TILE)) * TILE;
    const int ty = (l / TILE) % BLOCK_DIM;
#else
    const int tx = lx;
    const int ty = ly;
#endif
    const int a = get_group_id(0) * BLOCK_DIM + tx;
    const int b = get_group_id(1) * BLOCK_DIM + ty;

#if SHARED_IMG
    __local float2 patch[PATCH_ELEMENTS];
#endif
#if LOCAL_TABLE
    for (int k = ly * BLOCK_DIM + lx; k < tableLength; k += BLOCK_DIM * BLOCK_DIM)
    {
        localTable[k] = table[k];
    }

    barrier(CLK_LOCAL_MEM_FENCE);
#endif

    const int last = 2 * centre;
    const float r = radius;
    const float r2 = radius * radius;
    __global float* g = (__global float*)volume;
    for (int index = get_group_id(2); index < count; index += GRID_DIM_Z)
    {
        __global const traverse_space* s = spaces + index;
        const int dir = s->direction == 0 ? 0 : (s->direction == 1 ? 1 : 2);   // as PlaneWalk.Of: anything else is YZ
        const bool unused = (direction >= 0 && dir != direction) || (uint)s->projection >= (uint)sl.n;
#if !SHARED_IMG
        if (unused)
        {
            continue;
        }
#endif

        // PlaneWalk.Of: inner axis A, outer axis B, solved axis C.
        const int axisA = dir == 2 ? 1 : 0;
        const int axisB = dir == 0 ? 1 : 2;
        const int axisC = dir == 0 ? 2 : (dir == 1 ? 1 : 0);
        const int3 lo = max((int3)(s->minX, s->minY, s->minZ), (int3)(0));
        const int3 hi = min((int3)(s->maxX, s->maxY, s->maxZ), (int3)(last));
        const int aMin = pick3i(lo, axisA);
        const int aMax = pick3i(hi, axisA);
        const int bMin = pick3i(lo, axisB);
        const int bMax = pick3i(hi, axisB);
        const int cMin = pick3i(lo, axisC);
        const int cMax = pick3i(hi, axisC);
        const float3 n = (float3)(s->nx, s->ny, s->nz);
        const float3 bottom = (float3)(s->bottomX, s->bottomY, s->bottomZ);
        const float3 top = (float3)(s->topX, s->topY, s->topZ);
        const float na = pick3(n, axisA);
        const float nb = pick3(n, axisB);
        const float nc = pick3(n, axisC);

        // VoxelGeometry: M·e_A, M·e_C, M·e_B.
        const float3 colA = column(s, axisA);
        const float3 colC = column(s, axisC);
        const float3 colOuter = column(s, axisB);
        __global const float2* spectrum = spectra + layout_offset(sl, 0, 0, 0, s->projection);
        const int rowStride = sl.px;

#if SHARED_IMG
        // The block's plane positions inside the box. Every work-item of the group computes the same values and meets
        // both barriers on every iteration: no branch precedes them (branches around barriers make pocl's compiler
        // replicate the code after them).
        const int block0 = get_group_id(0) * BLOCK_DIM;
        const int block1 = get_group_id(1) * BLOCK_DIM;
        const int ga0 = max(aMin, block0);
        const int ga1 = min(aMax, block0 + BLOCK_DIM - 1);
        const int gb0 = max(bMin, block1);
        const int gb1 = min(bMax, block1 + BLOCK_DIM - 1);
        const bool skip = unused || ga0 > ga1 || gb0 > gb1;

        // The slab above the block is the parallelepiped between the bottom and top planes over the block's corners;
        // p = M·K is linear, so its extremes are at those 8 points. Voxels lie less than 1 from it along C (rounding
        // of the solved coordinate; |M·e_C| = 1), the gather reaches r further, and 1 more absorbs float rounding.
        float xLo = INFINITY, xHi = -INFINITY, yLo = INFINITY, yHi = -INFINITY;
        for (int corner = 0; corner < 8; corner++)
        {
            const float ca = (float)((corner & 1) ? ga1 : ga0);
            const float cb = (float)((corner & 2) ? gb1 : gb0);
            const float3 o = (corner & 4) ? top : bottom;
            const float t = pick3(o, axisC) - (((na * (ca - pick3(o, axisA))) + (nb * (cb - pick3(o, axisB)))) / nc);
            const float3 p = (colA * (ca - (float)centre)) + (colOuter * (cb - (float)centre)) + (colC * (t - (float)centre));
            xLo = fmin(xLo, p.x);
            xHi = fmax(xHi, p.x);
            yLo = fmin(yLo, p.y);
            yHi = fmax(yHi, p.y);
        }

        const float reach = r + 2.0f;
        const int pi0 = max(0, (int)floor(xLo - reach));
        const int pi1 = min(centre, (int)ceil(xHi + reach));
        const int pj0 = max(0, (int)floor(yLo + (float)centre - reach));
        const int pj1 = min(last, (int)ceil(yHi + (float)centre + reach));
        const int pw = pi1 - pi0 + 1;
        const int ph = pj1 - pj0 + 1;
        const bool cached = !skip && pw > 0 && ph > 0 && pw * ph <= PATCH_ELEMENTS;
        barrier(CLK_LOCAL_MEM_FENCE);   // every work-item is done with the previous space's patch
        if (cached)
        {
            for (int k = ly * BLOCK_DIM + lx; k < pw * ph; k += BLOCK_DIM * BLOCK_DIM)
            {
                const int row = k / pw;
                patch[k] = spectrum[(pj0 + row) * rowStride + pi0 + (k - row * pw)];
            }
        }

        barrier(CLK_LOCAL_MEM_FENCE);
        if (skip)
        {
            continue;
        }
#endif
        if (a < aMin || a > aMax || b < bMin || b > bMax)
        {
            continue;
        }

        const float fa = (float)a;
        const float fb = (float)b;
        const float t0 = pick3(bottom, axisC) - (((na * (fa - pick3(bottom, axisA))) + (nb * (fb - pick3(bottom, axisB)))) / nc);
        const float kb = (float)(b - centre);
        const float3 colB = colOuter * kb;
        const float kb2 = kb * kb;
        const float ka = (float)(a - centre);
        const float maxDistanceSqr = s->maxDistanceSqr;
        const float weight = s->weight;

#if MODE == 2
        int c0 = (int)floor(t0 + 0.5f);
        int c1 = c0;
#else
        const float t1 = pick3(top, axisC) - (((na * (fa - pick3(top, axisA))) + (nb * (fb - pick3(top, axisB)))) / nc);
        const int c0 = max(cMin, (int)floor(fmin(t0, t1)));
        const int c1 = min(cMax, (int)ceil(fmax(t0, t1)));
#endif
        for (int c = c0; c <= c1; c++)
        {
            const float kc = (float)(c - centre);
            if (c < cMin || c > cMax || (ka * ka) + kb2 + (kc * kc) > maxDistanceSqr)
            {
                continue;
            }

            const float px = (colA.x * ka) + colB.x + (colC.x * kc);
            float py = (colA.y * ka) + colB.y + (colC.y * kc);
            const float pz = (colA.z * ka) + colB.z + (colC.z * kc);
#if MODE == 2
            if (px < 0.0f)
            {
                continue;
            }

            const int i = min(centre, (int)floor(px + 0.5f));
            const int j = clamp((int)floor(py + (float)centre + 0.5f), 0, last);
            const float2 f = spectrum[j * rowStride + i];
            const float re = f.x * weight;
            const float im = f.y * weight;
            const float sum = weight;
#else
            if (px < -r || pz * pz > r2)
            {
                continue;
            }

            py += (float)centre;
            const int i0 = max(0, (int)ceil(px - r));
            const int i1 = min(centre, (int)floor(px + r));
            const int j0 = max(0, (int)ceil(py - r));
            const int j1 = min(last, (int)floor(py + r));
            float re = 0.0f;
            float im = 0.0f;
            float sum = 0.0f;
            for (int j = j0; j <= j1; j++)
            {
                const float dy = py - (float)j;
                const float dyz = (dy * dy) + (pz * pz);
                if (dyz > r2)
                {
                    continue;
                }

                __global const float2* row = spectrum + j * rowStride;
#if SHARED_IMG
                const bool localRow = cached && j >= pj0 && j <= pj1;
                const int patchRow = (j - pj0) * pw - pi0;
#endif
                for (int i = i0; i <= i1; i++)
                {
                    const float dx = px - (float)i;
                    const float d2 = (dx * dx) + dyz;
                    if (d2 > r2)
                    {
                        continue;
                    }

#if MODE == 0
                    float w = TABLE[min((int)((d2 * tableScale) + 0.5f), tableLength - 1)];
#elif PRECOMP
                    const float u = d2 * tableScale;
                    const int k = min((int)u, tableLength - 2);
                    const float lower = TABLE[k];
                    float w = lower + ((u - (float)k) * (TABLE[k + 1] - lower));
#else
                    float w = blob_weight(d2, r2, order, alpha, norm);
#endif
                    if (i == 0)
                    {
                        w *= 0.5f;
                    }

#if SHARED_IMG
                    const float2 f = (localRow && i >= pi0 && i <= pi1) ? patch[patchRow + i] : row[i];
#else
                    const float2 f = row[i];
#endif
                    re += w * f.x;
                    im += w * f.y;
                    sum += w;
                }
            }

            if (sum == 0.0f)
            {
                continue;
            }

            re *= weight;
            im *= weight;
            sum *= weight;
#endif
            int3 v;
            v.x = axisA == 0 ? a : (axisC == 0 ? c : b);
            v.y = axisA == 1 ? a : (axisC == 1 ? c : b);
            v.z = axisC == 2 ? c : b;
            const int gv = layout_offset(vl, v.x, v.y, v.z, 0);
            add_to(g + 2 * gv, re);
            add_to(g + 2 * gv + 1, im);
            add_to(weights + layout_offset(wl, v.x, v.y, v.z, 0), sum);
        }
    }
}
