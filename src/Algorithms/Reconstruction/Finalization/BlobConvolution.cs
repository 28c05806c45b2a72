using Oompa.Algorithms.Reconstruction.Blob;
using Oompa.Core.Data;

namespace Oompa.Algorithms.Reconstruction.Finalization;

/// <summary>
/// The fast mode's late blobbing: G and W of a (2R+1)³ volume convolved with the blob weights at every integer
/// offset within the blob radius (27 offsets at the default radius 1.9). Voxels outside the volume count as zero.
/// </summary>
internal static unsafe class BlobConvolution
{
    public static void Apply(Span<ComplexF> g, Span<float> w, int side, KaiserBesselBlob blob, ParallelOptions parallel)
    {
        int reach = (int)Math.Floor(blob.Radius);
        var taps = new List<(int Dx, int Dy, int Dz, float Weight)>();
        for (int dz = -reach; dz <= reach; dz++)
        {
            for (int dy = -reach; dy <= reach; dy++)
            {
                for (int dx = -reach; dx <= reach; dx++)
                {
                    double d2 = (dx * dx) + (dy * dy) + (dz * dz);
                    if (d2 <= blob.Radius * blob.Radius)
                    {
                        taps.Add((dx, dy, dz, (float)blob.Weight(d2)));
                    }
                }
            }
        }

        var sourceG = g.ToArray();
        var sourceW = w.ToArray();
        var tapArray = taps.ToArray();
        fixed (ComplexF* gp = g)
        fixed (float* wp = w)
        {
            nint gt = (nint)gp, wt = (nint)wp;
            Parallel.For(0, side, parallel, z => Plane(sourceG, sourceW, (ComplexF*)gt, (float*)wt, side, z, tapArray));
        }
    }

    private static void Plane(ComplexF[] sourceG, float[] sourceW, ComplexF* g, float* w, int side, int z, (int Dx, int Dy, int Dz, float Weight)[] taps)
    {
        for (int y = 0; y < side; y++)
        {
            for (int x = 0; x < side; x++)
            {
                float re = 0, im = 0, sum = 0;
                foreach (var (dx, dy, dz, weight) in taps)
                {
                    int sx = x + dx, sy = y + dy, sz = z + dz;
                    if ((uint)sx >= (uint)side || (uint)sy >= (uint)side || (uint)sz >= (uint)side)
                    {
                        continue;
                    }

                    long s = sx + (side * (sy + ((long)side * sz)));
                    re += weight * sourceG[s].Re;
                    im += weight * sourceG[s].Im;
                    sum += weight * sourceW[s];
                }

                long v = x + (side * (y + ((long)side * z)));
                g[v] = new ComplexF(re, im);
                w[v] = sum;
            }
        }
    }
}
