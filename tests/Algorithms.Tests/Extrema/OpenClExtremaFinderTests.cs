using Oompa.Algorithms.Extrema;
using Oompa.Algorithms.Extrema.OpenCl;
using Oompa.Algorithms.Tests.Support;
using Oompa.Core.Algorithms;
using Oompa.Core.Data;
using Oompa.Core.Devices;
using Oompa.Tuning.Spaces;

namespace Oompa.Algorithms.Tests.Extrema;

/// <summary>
/// What the conformance suites do not reach on the OpenCL strategy: batches far beyond one work-group (and beyond one
/// launch's work-groups), and every tuning configuration giving the default's results. Values and integer locations
/// are compared with the single-threaded CPU strategy exactly, on coarse data full of ties and NaNs. Refined locations
/// are compared within 1e-4 px on Gaussian peaks plus noise: the kernel refines in float, the CPU in double, so on
/// degenerate data (exact ties of the Centroid threshold, a fitted vertex exactly half a pixel away) the two may take
/// different branches, and such data would test rounding rather than the algorithm.
/// </summary>
public sealed class OpenClExtremaFinderTests
{
    private static readonly StrategyFactory<ExtremaOutput, ExtremaInput, ExtremaSettings> Cpu =
        ExtremaFinderStrategies.Cpu(new CpuDevice(1)).Single(f => f.Name == ExtremaFinderStrategies.CpuSingleThreaded);

    private static StrategyFactory<ExtremaOutput, ExtremaInput, ExtremaSettings> OpenCl(TuningConfiguration? configuration = null) =>
        new(ExtremaFinderStrategies.OpenClKernels, () => new OpenClExtremaFinder(ExtremaFinderStrategies.OpenClKernels, OpenClTestDevice.Device) { Configuration = configuration });

    /// <summary>Coarse levels (ties everywhere) with some NaNs, from a seed.</summary>
    private static float[] Data(int seed, long count)
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
    private static float[] Peaks(int seed, Size size, bool negate)
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

    private static void AssertSame((float[]? Values, float[]? Locations) expected, (float[]? Values, float[]? Locations) actual, double tolerance)
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

    [Theory]
    [InlineData(1000, 9, 7, 1)]     // a thousand small padded 2D signals, one work-group each
    [InlineData(37, 120, 100, 1)]   // a few large signals, each split into chunks that are combined
    [InlineData(70_000, 3, 1, 1)]   // more signals than one launch has work-groups: the kernels loop
    [InlineData(300, 6, 5, 4)]      // small 3D signals
    public void Large_batches_agree_with_the_cpu_for_every_type_and_precision(int signals, int x, int y, int z)
    {
        var size = new Size(x, y, z, signals);
        var layout = signals <= 1000 ? new LogicalDescriptor(size, new Padding(1, 2, 0, 1)) : new LogicalDescriptor(size);
        float[] coarse = Data(signals + x, size.Total);
        var window = SearchRegion.Window(new Size(Math.Max(1, x - 1), Math.Max(1, y - 1), Math.Max(1, z - 1)), x > 1 ? 1 : 0);
        foreach (var type in new[] { ExtremaType.Max, ExtremaType.Min, ExtremaType.AbsMax })
        {
            foreach (var (region, precision) in new[] { (SearchRegion.Entire, ExtremaPrecision.Integer), (window, ExtremaPrecision.GaussianFit3), (SearchRegion.Entire, ExtremaPrecision.Centroid), (window, ExtremaPrecision.Weighted3x3) })
            {
                var settings = new ExtremaSettings(type, region, ExtremaResult.Both, precision);
                float[] data = precision == ExtremaPrecision.Integer ? coarse : Peaks(signals + y, size, type == ExtremaType.Min);
                AssertSame(ExtremaRun.Run(Cpu, layout, data, settings), ExtremaRun.Run(OpenCl(), layout, data, settings), 1e-4);
            }
        }
    }

    [Fact]
    public void A_sample_of_tuning_configurations_gives_the_default_results()
    {
        // Half of the 16 configurations, chosen so that every candidate of every parameter occurs (each costs a compile).
        var configurations = ExtremaKernels.Search.Space.Enumerate().Where((_, i) => i % 2 == (i / 4) % 2).ToList();
        Assert.Equal(8, configurations.Count);
        Assert.All(ExtremaKernels.Search.Space.Parameters, p => Assert.Equal(p.Values.Order(), configurations.Select(c => c[p.Name]).Distinct().Order()));
        var requests = new (LogicalDescriptor Layout, float[] Data, ExtremaSettings Settings)[]
        {
            (new LogicalDescriptor(new Size(100_003)), Data(1, 100_003), new ExtremaSettings(ExtremaType.AbsMax, SearchRegion.Entire, ExtremaResult.Both)),
            (new LogicalDescriptor(new Size(33, 29, 1, 50), new Padding(2, 1)), Peaks(2, new Size(33, 29, 1, 50), negate: false), new ExtremaSettings(ExtremaType.AbsMax, SearchRegion.CenteredRectangle(new Size(21, 17)), ExtremaResult.Both, ExtremaPrecision.GaussianFit3)),
            (new LogicalDescriptor(new Size(17, 16, 15, 3)), Peaks(3, new Size(17, 16, 15, 3), negate: false), new ExtremaSettings(ExtremaType.AbsMax, SearchRegion.Window(new Size(12, 11, 10), 2, 3, 4), ExtremaResult.Location, ExtremaPrecision.Centroid)),
        };
        var defaults = requests.Select(r => ExtremaRun.Run(OpenCl(), r.Layout, r.Data, r.Settings)).ToList();
        for (int i = 0; i < requests.Length; i++)
        {
            AssertSame(ExtremaRun.Run(Cpu, requests[i].Layout, requests[i].Data, requests[i].Settings), defaults[i], 1e-4);
        }

        foreach (var configuration in configurations)
        {
            for (int i = 0; i < requests.Length; i++)
            {
                AssertSame(defaults[i], ExtremaRun.Run(OpenCl(configuration), requests[i].Layout, requests[i].Data, requests[i].Settings), 0);
            }
        }
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(100_003, 1, 1)]
    [InlineData(40_000, 37, 256)]
    [InlineData(64, 70_000, 512)]
    public void Splits_cover_each_box_with_aligned_chunks_and_bound_the_work_groups(long count, int signals, long perGroup)
    {
        var (groups, chunk) = OpenClExtremaFinder.Split(count, signals, perGroup);
        Assert.InRange(groups, 1, Math.Max(1, OpenClExtremaFinder.TargetGroups / signals));
        Assert.True((long)groups * chunk >= count, "the chunks cover the box");
        Assert.True((long)(groups - 1) * chunk < count, "no chunk is empty");
        Assert.True(groups == 1 || chunk % perGroup == 0, "chunks are multiples of a group's elements");
    }
}
