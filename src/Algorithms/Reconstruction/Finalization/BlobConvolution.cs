using Oompa.Algorithms.Reconstruction.Blob;
using Oompa.Core.Data;

namespace Oompa.Algorithms.Reconstruction.Finalization;

/// <summary>
/// The fast mode's late blobbing: G and W of a (2R+1)³ volume convolved with the blob weights at every integer
/// offset within the blob radius (27 offsets at the default radius 1.9). Voxels outside the volume count as zero.
/// </summary>
internal static class BlobConvolution
{
    public static void Apply(Span<ComplexF> g, Span<float> w, int side, KaiserBesselBlob blob)
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
        for (int z = 0; z < side; z++)
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

                        int s = sx + (side * (sy + (side * sz)));
                        re += weight * sourceG[s].Re;
                        im += weight * sourceG[s].Im;
                        sum += weight * sourceW[s];
                    }

                    int v = x + (side * (y + (side * z)));
                    g[v] = new ComplexF(re, im);
                    w[v] = sum;
                }
            }
        }
    }
}
