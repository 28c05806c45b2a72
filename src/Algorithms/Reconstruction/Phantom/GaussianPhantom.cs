using Oompa.Algorithms.Reconstruction.Geometry;

namespace Oompa.Algorithms.Reconstruction.Phantom;

/// <summary>
/// A volume made of anisotropic 3D Gaussians, whose projections are known in closed form: the ground truth for
/// reconstruction tests and demos. A Gaussian projects to a 2D Gaussian with the covariance's 2×2 block in the
/// projection frame and the same integral, so noiseless projections are exact (no interpolation), and with widths of
/// 1.5 pixels or more the sampled volume and projections are band-limited to well below 10⁻⁷.
/// Conventions are RELION's: voxel and pixel (x, y[, z]) sit at (x − size/2, ...) with integer division, a
/// projection at orientation A sums the volume along the projection's z (p = A·r), and an image with origin o holds
/// the centred projection translated by −o: <c>image(p) = projection(p + o)</c>.
/// </summary>
public sealed class GaussianPhantom
{
    /// <summary>Terms beyond this squared Mahalanobis distance (e^(−32) ≈ 1.3·10⁻¹⁴ of the peak) are skipped.</summary>
    private const double Cutoff = 64;

    /// <summary>Creates a phantom from its components.</summary>
    public GaussianPhantom(IReadOnlyList<GaussianComponent> components)
    {
        ArgumentNullException.ThrowIfNull(components);
        Components = [.. components];
    }

    /// <summary>The Gaussians.</summary>
    public IReadOnlyList<GaussianComponent> Components { get; }

    /// <summary>
    /// A deterministic random phantom for a box of <paramref name="size"/>³ voxels: <paramref name="count"/>
    /// Gaussians with principal widths in [<paramref name="sigmaMin"/>, <paramref name="sigmaMax"/>] voxels (defaults
    /// max(1.5, 0.03·size) and max(1.5, 0.06·size)) along random axes, centres in a ball that keeps every Gaussian's
    /// 4σ ellipsoid inside the sphere of radius 0.45·size (so projections in any direction fit in the image),
    /// amplitudes in [0.5, 1.5]. Widths near 1 voxel put power up to Nyquist (with some aliasing in the last tenth).
    /// </summary>
    public static GaussianPhantom Random(int size, int seed, int count = 16, double? sigmaMin = null, double? sigmaMax = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 8);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var rng = new Random(seed);
        double lo = sigmaMin ?? Math.Max(1.5, 0.03 * size), hi = Math.Max(lo, sigmaMax ?? Math.Max(1.5, 0.06 * size));
        if (!(lo > 0 && double.IsFinite(hi)))
        {
            throw new ArgumentOutOfRangeException(nameof(sigmaMin), lo, "The Gaussian widths must be positive and finite.");
        }

        double sigmaMin0 = lo, sigmaMax0 = hi;
        double ball = Math.Max(0, (0.45 * size) - (4 * sigmaMax0));
        var components = new GaussianComponent[count];
        for (int k = 0; k < count; k++)
        {
            var centre = RandomInBall(rng, ball);
            var axes = RandomRotation(rng);
            double s1 = Uniform(rng, sigmaMin0, sigmaMax0), s2 = Uniform(rng, sigmaMin0, sigmaMax0), s3 = Uniform(rng, sigmaMin0, sigmaMax0);
            var diagonal = new Matrix3(s1 * s1, 0, 0, 0, s2 * s2, 0, 0, 0, s3 * s3);
            components[k] = new GaussianComponent(centre, axes * diagonal * axes.Transpose(), Uniform(rng, 0.5, 1.5));
        }

        return new GaussianPhantom(components);
    }

    /// <summary>Samples the phantom on a <paramref name="size"/>³ grid (x fastest) into <paramref name="volume"/>.</summary>
    /// <exception cref="ArgumentException">The span does not hold size³ values.</exception>
    public void Sample(Span<float> volume, int size)
    {
        if (volume.Length != (long)size * size * size)
        {
            throw new ArgumentException($"A {size}³ volume needs {(long)size * size * size} values, not {volume.Length}.", nameof(volume));
        }

        var prepared = Components.Select(c => (c.Centre, Inverse: c.Covariance.Inverse(), c.Amplitude)).ToArray();
        int c0 = size / 2;
        for (int z = 0; z < size; z++)
        {
            for (int y = 0; y < size; y++)
            {
                for (int x = 0; x < size; x++)
                {
                    var r = new Vector3d(x - c0, y - c0, z - c0);
                    double sum = 0;
                    foreach (var (centre, inverse, amplitude) in prepared)
                    {
                        var d = r - centre;
                        double q = Vector3d.Dot(d, inverse * d);
                        if (q < Cutoff)
                        {
                            sum += amplitude * Math.Exp(-0.5 * q);
                        }
                    }

                    volume[x + (size * (y + (size * z)))] = (float)sum;
                }
            }
        }
    }

    /// <summary>
    /// The exact projection at orientation <paramref name="orientation"/> (A, volume to projection coordinates) into
    /// a <paramref name="size"/>² image (x fastest), translated so that <c>image(p) = projection(p + origin)</c>
    /// (RELION's <c>_rlnOriginX/Y</c> in pixels).
    /// </summary>
    /// <exception cref="ArgumentException">The span does not hold size² values.</exception>
    public void Project(Matrix3 orientation, Span<float> image, int size, double originX = 0, double originY = 0)
    {
        if (image.Length != size * size)
        {
            throw new ArgumentException($"A {size}² image needs {size * size} values, not {image.Length}.", nameof(image));
        }

        var projected = Components.Select(c => Projected(c, orientation)).ToArray();
        int c0 = size / 2;
        for (int y = 0; y < size; y++)
        {
            for (int x = 0; x < size; x++)
            {
                double px = x - c0 + originX, py = y - c0 + originY;
                double sum = 0;
                foreach (var (mx, my, ixx, ixy, iyy, mass) in projected)
                {
                    double dx = px - mx, dy = py - my;
                    double q = (ixx * dx * dx) + (2 * ixy * dx * dy) + (iyy * dy * dy);
                    if (q < Cutoff)
                    {
                        sum += mass * Math.Exp(-0.5 * q);
                    }
                }

                image[x + (size * y)] = (float)sum;
            }
        }
    }

    private static (double Mx, double My, double Ixx, double Ixy, double Iyy, double Peak) Projected(GaussianComponent c, Matrix3 a)
    {
        var mean = a * c.Centre;
        var s = a * c.Covariance * a.Transpose();
        double det2 = (s.M00 * s.M11) - (s.M01 * s.M10);
        double peak = c.Amplitude * Math.Pow(2 * Math.PI, 1.5) * Math.Sqrt(c.Covariance.Determinant()) / (2 * Math.PI * Math.Sqrt(det2));
        return (mean.X, mean.Y, s.M11 / det2, -s.M01 / det2, s.M00 / det2, peak);
    }

    private static double Uniform(Random rng, double lo, double hi) => lo + ((hi - lo) * rng.NextDouble());

    private static Vector3d RandomInBall(Random rng, double radius)
    {
        while (true)
        {
            var v = new Vector3d(Uniform(rng, -1, 1), Uniform(rng, -1, 1), Uniform(rng, -1, 1));
            if (v.Length <= 1)
            {
                return radius * v;
            }
        }
    }

    /// <summary>A uniformly distributed rotation (from a random unit quaternion, Shoemake's method).</summary>
    internal static Matrix3 RandomRotation(Random rng)
    {
        double u1 = rng.NextDouble(), u2 = 2 * Math.PI * rng.NextDouble(), u3 = 2 * Math.PI * rng.NextDouble();
        double a = Math.Sqrt(1 - u1), b = Math.Sqrt(u1);
        double w = a * Math.Sin(u2), x = a * Math.Cos(u2), y = b * Math.Sin(u3), z = b * Math.Cos(u3);
        return new Matrix3(
            1 - (2 * ((y * y) + (z * z))), 2 * ((x * y) - (z * w)), 2 * ((x * z) + (y * w)),
            2 * ((x * y) + (z * w)), 1 - (2 * ((x * x) + (z * z))), 2 * ((y * z) - (x * w)),
            2 * ((x * z) - (y * w)), 2 * ((y * z) + (x * w)), 1 - (2 * ((x * x) + (y * y))));
    }
}
