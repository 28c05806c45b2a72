using Oompa.Algorithms.Reconstruction.Geometry;

namespace Oompa.Algorithms.Reconstruction.Phantom;

/// <summary>
/// Forward projection of any cubic volume: ray sums along the projection's z axis with trilinear interpolation, one
/// sample per voxel length, in RELION's conventions (as <see cref="GaussianPhantom.Project"/>). Interpolation smooths
/// the result slightly; for exact projections use a <see cref="GaussianPhantom"/>.
/// </summary>
public static class RealSpaceProjector
{
    /// <summary>
    /// Projects the <paramref name="size"/>³ volume (x fastest) at orientation <paramref name="orientation"/> into a
    /// <paramref name="size"/>² image, translated so that <c>image(p) = projection(p + origin)</c>.
    /// </summary>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    public static void Project(ReadOnlySpan<float> volume, int size, Matrix3 orientation, Span<float> image, double originX = 0, double originY = 0)
    {
        if (volume.Length != (long)size * size * size || image.Length != size * size)
        {
            throw new ArgumentException($"A {size}³ volume and a {size}² image are needed (got {volume.Length} and {image.Length} values).", nameof(volume));
        }

        var back = orientation.Transpose();
        int c = size / 2;
        double reach = Math.Sqrt(3) * size / 2;
        int steps = (int)Math.Ceiling(reach);
        for (int y = 0; y < size; y++)
        {
            for (int x = 0; x < size; x++)
            {
                double px = x - c + originX, py = y - c + originY;
                double sum = 0;
                for (int t = -steps; t <= steps; t++)
                {
                    var r = back * new Vector3d(px, py, t);
                    sum += Trilinear(volume, size, r.X + c, r.Y + c, r.Z + c);
                }

                image[x + (size * y)] = (float)sum;
            }
        }
    }

    private static double Trilinear(ReadOnlySpan<float> v, int n, double x, double y, double z)
    {
        if (x < 0 || y < 0 || z < 0 || x > n - 1 || y > n - 1 || z > n - 1)
        {
            return 0;
        }

        int x0 = Math.Min((int)x, n - 2), y0 = Math.Min((int)y, n - 2), z0 = Math.Min((int)z, n - 2);
        double fx = x - x0, fy = y - y0, fz = z - z0;
        int i = x0 + (n * (y0 + (n * z0)));
        int row = n, plane = n * n;
        double c00 = (v[i] * (1 - fx)) + (v[i + 1] * fx);
        double c10 = (v[i + row] * (1 - fx)) + (v[i + row + 1] * fx);
        double c01 = (v[i + plane] * (1 - fx)) + (v[i + plane + 1] * fx);
        double c11 = (v[i + plane + row] * (1 - fx)) + (v[i + plane + row + 1] * fx);
        double c0 = (c00 * (1 - fy)) + (c10 * fy);
        double c1 = (c01 * (1 - fy)) + (c11 * fy);
        return (c0 * (1 - fz)) + (c1 * fz);
    }
}
