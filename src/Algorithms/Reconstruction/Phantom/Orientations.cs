using Oompa.Algorithms.Reconstruction.Geometry;

namespace Oompa.Algorithms.Reconstruction.Phantom;

/// <summary>Deterministic sets of projection orientations and rotations for tests, demos and benchmarks.</summary>
public static class Orientations
{
    /// <summary><paramref name="count"/> rotations drawn uniformly from SO(3) (Shoemake's random unit quaternions).</summary>
    public static Matrix3[] RandomRotations(int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var rng = new Random(seed);
        var result = new Matrix3[count];
        for (int k = 0; k < count; k++)
        {
            result[k] = GaussianPhantom.RandomRotation(rng);
        }

        return result;
    }

    /// <summary><paramref name="count"/> orientations drawn uniformly from SO(3), as Euler angles.</summary>
    public static EulerAngles[] Random(int count, int seed) => [.. RandomRotations(count, seed).Select(EulerAngles.FromMatrix)];

    /// <summary>
    /// <paramref name="count"/> orientations whose projection directions cover the sphere evenly (a Fibonacci spiral:
    /// tilt = acos(1 − 2(k + ½)/count), rot = k·golden angle) with in-plane angles from a seeded generator.
    /// </summary>
    public static EulerAngles[] Even(int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var rng = new Random(seed);
        double golden = 180 * (3 - Math.Sqrt(5));
        var result = new EulerAngles[count];
        for (int k = 0; k < count; k++)
        {
            double tilt = Math.Acos(1 - (2 * (k + 0.5) / count)) * 180 / Math.PI;
            result[k] = new EulerAngles(k * golden % 360, tilt, rng.NextDouble() * 360);
        }

        return result;
    }
}
