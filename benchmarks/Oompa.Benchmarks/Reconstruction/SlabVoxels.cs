using Oompa.Algorithms.Reconstruction.Insertion;

namespace Oompa.Benchmarks.Reconstruction;

/// <summary>
/// Counts the voxels a traverse space updates, for "inserted voxels per second": in blob mode the voxels of the box
/// with |K|² ≤ MaxDistanceSqr, p.x ≥ −r and |p.z| ≤ r (each gathers the coefficients within the blob); in the fast
/// mode one voxel per plane position of the half-slice. Brute force over the box in double precision, host only.
/// </summary>
internal static class SlabVoxels
{
    public static long Count(in TraverseSpace s, int half, FourierInsertionSettings settings)
    {
        double r = settings.SlabRadius;
        if (settings.Mode == InsertionMode.NearestNeighbour)
        {
            // One voxel per plane position whose voxel lies on the half-slice inside the sphere: about π(R+½)²/2 / |n_c|.
            double nc = Math.Max(Math.Abs(s.NormalX), Math.Max(Math.Abs(s.NormalY), Math.Abs(s.NormalZ)));
            return (long)(Math.PI * (half + 0.5) * (half + 0.5) / 2 / nc);
        }

        long count = 0;
        for (int z = s.MinZ; z <= s.MaxZ; z++)
        {
            for (int y = s.MinY; y <= s.MaxY; y++)
            {
                for (int x = s.MinX; x <= s.MaxX; x++)
                {
                    double kx = x - half, ky = y - half, kz = z - half;
                    if ((kx * kx) + (ky * ky) + (kz * kz) > s.MaxDistanceSqr)
                    {
                        continue;
                    }

                    double px = (s.M00 * kx) + (s.M01 * ky) + (s.M02 * kz);
                    double pz = (s.M20 * kx) + (s.M21 * ky) + (s.M22 * kz);
                    if (px >= -r && Math.Abs(pz) <= r)
                    {
                        count++;
                    }
                }
            }
        }

        return count;
    }
}
