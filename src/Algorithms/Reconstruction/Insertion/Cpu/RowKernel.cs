using Oompa.Core.Data;

namespace Oompa.Algorithms.Reconstruction.Insertion.Cpu;

/// <summary>
/// The per-line kernels: one line of the traverse plane (fixed outer coordinate), every inner position, and for each
/// the voxels along the solved axis. The blob kernel is generic over its weight source, so each is compiled apart.
/// </summary>
internal static unsafe class RowKernel
{
    public static void BlobLine<TWeights>(in InsertionContext ctx, in PlaneWalk plane, int line, TWeights weights)
        where TWeights : struct, IBlobWeights
    {
        int b = plane.OuterMin + line;
        float r = ctx.Radius;
        float r2 = ctx.RadiusSqr;
        int half = ctx.HalfSize;
        int last = ctx.Last;
        float scale = ctx.Weight;
        ComplexF* spectrum = ctx.Spectrum;
        long stride = ctx.Layout.SpectrumRow;
        var walk = plane;
        var geometry = new VoxelGeometry(ctx, plane, b);
        for (int a = walk.InnerMin; a <= walk.InnerMax; a++)
        {
            float t0 = walk.SolveBottom(a, b);
            float t1 = walk.SolveTop(a, b);
            int lo = Math.Max(walk.SolvedMin, (int)MathF.Floor(MathF.Min(t0, t1)));
            int hi = Math.Min(walk.SolvedMax, (int)MathF.Ceiling(MathF.Max(t0, t1)));
            for (int c = lo; c <= hi; c++)
            {
                if (!geometry.Locate(a, c, out float px, out float py, out float pz))
                {
                    continue;
                }

                float pz2 = pz * pz;
                if (px < -r || pz2 > r2)
                {
                    continue;
                }

                py += half;
                int i0 = Math.Max(0, (int)MathF.Ceiling(px - r));
                int i1 = Math.Min(half, (int)MathF.Floor(px + r));
                int j0 = Math.Max(0, (int)MathF.Ceiling(py - r));
                int j1 = Math.Min(last, (int)MathF.Floor(py + r));
                float re = 0, im = 0, sum = 0;
                for (int j = j0; j <= j1; j++)
                {
                    float dy = py - j;
                    float dyz = (dy * dy) + pz2;
                    if (dyz > r2)
                    {
                        continue;
                    }

                    ComplexF* row = spectrum + (j * stride);
                    for (int i = i0; i <= i1; i++)
                    {
                        float dx = px - i;
                        float d2 = (dx * dx) + dyz;
                        if (d2 <= r2)
                        {
                            float w = weights.Weight(d2);
                            if (i == 0)
                            {
                                w *= 0.5f;
                            }

                            ComplexF f = row[i];
                            re += w * f.Re;
                            im += w * f.Im;
                            sum += w;
                        }
                    }
                }

                if (sum != 0)
                {
                    geometry.Add(a, c, re * scale, im * scale, sum * scale);
                }
            }
        }
    }

    public static void NearestLine(in InsertionContext ctx, in PlaneWalk plane, int line)
    {
        int b = plane.OuterMin + line;
        int half = ctx.HalfSize;
        var geometry = new VoxelGeometry(ctx, plane, b);
        for (int a = plane.InnerMin; a <= plane.InnerMax; a++)
        {
            int c = (int)MathF.Floor(plane.SolveBottom(a, b) + 0.5f);
            if (c < plane.SolvedMin || c > plane.SolvedMax || !geometry.Locate(a, c, out float px, out float py, out _) || px < 0)
            {
                continue;
            }

            int i = Math.Min(half, (int)MathF.Floor(px + 0.5f));
            int j = Math.Clamp((int)MathF.Floor(py + half + 0.5f), 0, ctx.Last);
            var value = ctx.Spectrum[(j * ctx.Layout.SpectrumRow) + i];
            geometry.Add(a, c, value.Re * ctx.Weight, value.Im * ctx.Weight, ctx.Weight);
        }
    }
}
