using Oompa.Tuning;
using Oompa.Tuning.Spaces;

namespace Oompa.Tuning.Tests.Support;

/// <summary>
/// A deterministic synthetic kernel: four parameters, two constraints, exactly 500 valid configurations out of 1680,
/// timed by a separable quadratic bowl over candidate positions with ±1 % pseudo-noise, so the optimum is known.
/// </summary>
internal static class Landscape
{
    public static TuningSpace Space() => new(
        [
            new TuningParameter("BLOCK_X", [1, 2, 4, 8, 16], 4),
            new TuningParameter("BLOCK_Y", [1, 2, 4, 8, 16, 32], 4),
            new TuningParameter("UNROLL", Enumerable.Range(1, 14).Select(i => (long)i), 1),
            new TuningParameter("VECTOR", [1, 2, 4, 8], 1),
        ],
        [
            Constraint.Create("BLOCK_X", "BLOCK_Y", (x, y) => x * y >= 16 && x * y <= 512, "16 <= BLOCK_X * BLOCK_Y <= 512"),
            Constraint.Create("UNROLL", "VECTOR", (u, v) => u % v == 0, "UNROLL % VECTOR == 0"),
        ]);

    /// <summary>The synthetic time in seconds (around a millisecond).</summary>
    public static double Seconds(TuningConfiguration c)
    {
        const double w = 0.04;
        double ix = Math.Log2(c["BLOCK_X"]), iy = Math.Log2(c["BLOCK_Y"]), iu = c["UNROLL"] - 1, iv = Math.Log2(c["VECTOR"]);
        var bowl = 1 + (w * Sq(ix - 2.4)) + (w * Sq(iy - 3.3)) + (w * 0.15 * Sq(iu - 8.6)) + (w * 2 * Sq(iv - 1.8));
        return 1e-3 * bowl * (1 + Noise(c.Key));
    }

    public static TuningMeasurement Measure(TuningConfiguration c) => TuningMeasurement.Success(Seconds(c));

    /// <summary>The exact optimum, by brute force.</summary>
    public static (TuningConfiguration Configuration, double Seconds) Optimum(TuningSpace space) =>
        space.Enumerate().Select(c => (c, Seconds(c))).MinBy(t => t.Item2);

    /// <summary>Deterministic pseudo-noise in [−0.01, 0.01) from an FNV-1a hash of the key.</summary>
    public static double Noise(string key)
    {
        var h = 2166136261u;
        foreach (var ch in key)
        {
            h = (h ^ ch) * 16777619u;
        }

        h ^= h >> 15;
        h *= 2246822519u;
        h ^= h >> 13;
        return ((h / 4294967296.0) - 0.5) * 0.02;
    }

    private static double Sq(double x) => x * x;
}
