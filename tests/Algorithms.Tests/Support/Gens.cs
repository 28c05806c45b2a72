using FsCheck;
using FsCheck.Fluent;
using Oompa.Core.Data;

namespace Oompa.Algorithms.Tests.Support;

/// <summary>FsCheck generators shared by the conformance suites.</summary>
public static class Gens
{
    /// <summary>Axis lengths that exercise edge cases: 1, 2, odd, prime, and composite sizes.</summary>
    public static Gen<int> Axis(int max = 24) =>
        Gen.OneOf(Gen.Elements(1, 2, 3, 5, 7, 8, 11, 13, 16, 17).Where(v => v <= max), Gen.Choose(1, max));

    /// <summary>Batch counts 1..17.</summary>
    public static Gen<int> Batch(int max = 17) => Gen.Choose(1, max);

    /// <summary>A size of the given dimensionality (1, 2 or 3) with axes up to <paramref name="max"/>.</summary>
    public static Gen<Size> SizeOf(int dims, int max = 24, int maxBatch = 17) =>
        from x in Axis(max)
        from y in dims >= 2 ? Axis(max) : Gen.Constant(1)
        from z in dims >= 3 ? Axis(Math.Min(max, 12)) : Gen.Constant(1)
        from n in Batch(maxBatch)
        select new Size(x, y, z, n);

    /// <summary>A size of any dimensionality 1–3.</summary>
    public static Gen<Size> AnySize(int max = 24, int maxBatch = 17) => Gen.Choose(1, 3).SelectMany(d => SizeOf(d, max, maxBatch));

    /// <summary>Padding up to <paramref name="max"/> on every side of the axes <paramref name="size"/> uses.</summary>
    public static Gen<Padding> PaddingFor(Size size, int max = 3) =>
        from xb in Gen.Choose(0, max)
        from xe in Gen.Choose(0, max)
        from yb in Gen.Choose(0, size.Y > 1 ? max : 0)
        from ye in Gen.Choose(0, size.Y > 1 ? max : 0)
        from zb in Gen.Choose(0, size.Z > 1 ? max : 0)
        from ze in Gen.Choose(0, size.Z > 1 ? max : 0)
        select new Padding(xb, xe, yb, ye, zb, ze);

    /// <summary>A seed for <see cref="Random"/>-driven data, so data of any length is reproducible from the counterexample.</summary>
    public static Gen<int> Seed => Gen.Choose(0, int.MaxValue);

    /// <summary>Uniform floats in [-1, 1) from a seed.</summary>
    public static float[] Floats(int seed, long count)
    {
        var rng = new Random(seed);
        var values = new float[count];
        for (long i = 0; i < count; i++)
        {
            values[i] = (rng.NextSingle() * 2) - 1;
        }

        return values;
    }

    /// <summary>Uniform complex values with parts in [-1, 1) from a seed.</summary>
    public static ComplexF[] Complexes(int seed, long count)
    {
        var rng = new Random(seed);
        var values = new ComplexF[count];
        for (long i = 0; i < count; i++)
        {
            values[i] = new ComplexF((rng.NextSingle() * 2) - 1, (rng.NextSingle() * 2) - 1);
        }

        return values;
    }
}
