using Oompa.Algorithms.Extrema;
using Oompa.Algorithms.Extrema.OpenCl;
using Oompa.Algorithms.Tests.Support;
using Oompa.Core.Algorithms;
using Oompa.Core.Data;
using Oompa.Core.Devices;
using Oompa.Tuning.Spaces;

namespace Oompa.Algorithms.Tests.Extrema;

/// <summary>
/// Shared by the OpenCL ExtremaFinder tests: the CPU reference and the OpenCL strategy (optionally with a tuning
/// configuration), data with ties and NaNs, Gaussian peaks, and a comparison of results. Values and integer locations
/// must be identical; refined locations agree within a tolerance because the kernel refines in float and the CPU in
/// double. On degenerate data (exact ties of the Centroid threshold, a fitted vertex exactly half a pixel away) the two
/// may take different branches, and such data would test rounding rather than the algorithm, so refinements are
/// compared on Gaussian peaks plus noise.
/// </summary>
internal static class OpenClExtremaComparison
{
    internal static readonly StrategyFactory<ExtremaOutput, ExtremaInput, ExtremaSettings> Cpu =
        ExtremaFinderStrategies.Cpu(new CpuDevice(1)).Single(f => f.Name == ExtremaFinderStrategies.CpuSingleThreaded);

    internal static StrategyFactory<ExtremaOutput, ExtremaInput, ExtremaSettings> OpenCl(TuningConfiguration? configuration = null) =>
        new(ExtremaFinderStrategies.OpenClKernels, () => new OpenClExtremaFinder(ExtremaFinderStrategies.OpenClKernels, OpenClTestDevice.Device) { Configuration = configuration });

    /// <summary>Coarse levels (ties everywhere) with some NaNs, from a seed.</summary>
    internal static float[] Data(int seed, long count)
    {
        float[] values = Gens.Floats(seed, count);
        var rng = new Random(seed);
        for (long i = 0; i < count; i++)
        {
            values[i] = rng.Next(10) == 0 ? float.NaN : MathF.Round(values[i] * 4);
        }

        return values;
    }

    /// <summary>Per signal a Gaussian of random width at a random sub-pixel position, plus noise, negated for Min.</summary>
    internal static float[] Peaks(int seed, Size size, bool negate)
    {
        float[] values = Gens.Floats(seed, size.Total);
        var rng = new Random(seed);
        for (int n = 0, i = 0; n < size.N; n++)
        {
            double cx = rng.NextDouble() * (size.X - 1), cy = rng.NextDouble() * (size.Y - 1), cz = rng.NextDouble() * (size.Z - 1);
            double sigma = 0.6 + rng.NextDouble();
            for (int z = 0; z < size.Z; z++)
            {
                for (int y = 0; y < size.Y; y++)
                {
                    for (int x = 0; x < size.X; x++, i++)
                    {
                        double r2 = ((x - cx) * (x - cx)) + ((y - cy) * (y - cy)) + ((z - cz) * (z - cz));
                        float v = (float)Math.Exp(-r2 / (2 * sigma * sigma)) + (0.01f * values[i]);
                        values[i] = negate ? -v : v;
                    }
                }
            }
        }

        return values;
    }

    internal static void AssertSame((float[]? Values, float[]? Locations) expected, (float[]? Values, float[]? Locations) actual, double tolerance)
    {
        Assert.Equal(expected.Values, actual.Values);
        if (expected.Locations is null)
        {
            Assert.Null(actual.Locations);
            return;
        }

        Assert.NotNull(actual.Locations);
        for (int i = 0; i < expected.Locations.Length; i++)
        {
            float e = expected.Locations[i], a = actual.Locations[i];
            if (!(float.IsNaN(e) && float.IsNaN(a)) && !(Math.Abs(e - a) <= tolerance))
            {
                Assert.Fail($"location component {i} (signal {i / 3}): expected {e}, got {a} (tolerance {tolerance}).");
            }
        }
    }
}
