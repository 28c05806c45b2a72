using FsCheck;
using FsCheck.Fluent;
using Oompa.Algorithms.Extrema;
using Oompa.Algorithms.Tests.Support;
using Oompa.Core.Algorithms;
using Oompa.Core.Data;
using Oompa.Core.Devices;

namespace Oompa.Algorithms.Tests.Extrema;

/// <summary>Integer extrema (value and location) every ExtremaFinder strategy must find; instantiated once per strategy.</summary>
public abstract class ExtremaSearchConformance
{
    /// <summary>The single strategy under test.</summary>
    protected abstract StrategyFactory<ExtremaOutput, ExtremaInput, ExtremaSettings> Strategy { get; }

    private static Gen<SearchRegion> RegionFor(Size s) => Gen.OneOf(
        Gen.Constant(SearchRegion.Entire),
        from w in Gen.Choose(1, s.X)
        from h in Gen.Choose(1, s.Y)
        from d in Gen.Choose(1, s.Z)
        from x in Gen.Choose(0, s.X - w)
        from y in Gen.Choose(0, s.Y - h)
        from z in Gen.Choose(0, s.Z - d)
        select SearchRegion.Window(new Size(w, h, d), x, y, z),
        from w in Gen.Choose(1, s.X)
        from h in Gen.Choose(1, s.Y)
        from d in Gen.Choose(1, s.Z)
        select SearchRegion.CenteredRectangle(new Size(w, h, d)));

    /// <summary>Data from a seed: coarse levels (many ties) or fine values, with optional NaNs and infinities.</summary>
    private static float[] Data(int seed, long count, bool coarse, bool specials)
    {
        var values = Gens.Floats(seed, count);
        var rng = new Random(seed ^ 0x5A5A);
        for (long i = 0; i < count; i++)
        {
            values[i] = coarse ? MathF.Round(values[i] * 3) : values[i];
            if (specials && rng.Next(6) == 0)
            {
                values[i] = rng.Next(4) switch { 0 => float.PositiveInfinity, 1 => float.NegativeInfinity, _ => float.NaN };
            }
        }

        return values;
    }

    [Fact]
    public void Agrees_with_linq_reference_over_sizes_padding_types_regions_ties_and_nans() =>
        Prop.ForAll(
            Arb.From(
                from size in Gens.AnySize(max: 17, maxBatch: 17)
                from padding in Gens.PaddingFor(size)
                from region in RegionFor(size)
                select (size, padding, region)),
            Arb.From(
                from type in Gen.Elements(ExtremaType.Max, ExtremaType.Min, ExtremaType.AbsMax)
                from result in Gen.Elements(ExtremaResult.Both, ExtremaResult.Value, ExtremaResult.Location)
                from coarse in Gen.Elements(true, false)
                from specials in Gen.Elements(false, false, true)
                from seed in Gens.Seed
                select (type, result, coarse, specials, seed)),
            (geometry, options) =>
            {
                var (size, padding, region) = geometry;
                var (type, result, coarse, specials, seed) = options;
                float[] data = Data(seed, size.Total, coarse, specials);
                var settings = new ExtremaSettings(type, region, result);
                var (values, locations) = ExtremaRun.Run(Strategy, new LogicalDescriptor(size, padding), data, settings);
                var expected = ExtremaReference.Find(data, size, type, region);
                for (int n = 0; n < size.N; n++)
                {
                    if (values is not null)
                    {
                        Assert.Equal(expected[n].Value, values[n]);
                    }

                    if (locations is not null)
                    {
                        Assert.Equal((expected[n].X, expected[n].Y, expected[n].Z), (locations[3 * n], locations[(3 * n) + 1], locations[(3 * n) + 2]));
                    }
                }
            }).QuickCheckThrowOnFailure();

    [Fact]
    public void Ties_go_to_the_lowest_linear_index_z_then_y_then_x()
    {
        var size = new Size(5, 4, 2);
        float[] data = new float[size.Total];
        data[(1 * 20) + (0 * 5) + 4] = 7;   // (4, 0, 1)
        data[(0 * 20) + (3 * 5) + 1] = 7;   // (1, 3, 0): lower linear index although x is smaller elsewhere
        data[(0 * 20) + (3 * 5) + 3] = 7;   // (3, 3, 0)
        data[(1 * 20) + (2 * 5) + 0] = -7;  // (0, 2, 1): same magnitude, later
        var (values, locations) = ExtremaRun.Run(Strategy, new LogicalDescriptor(size), data, ExtremaSettings.MaxOfEntire);
        Assert.Equal(7, values![0]);
        Assert.Equal([1f, 3f, 0f], locations!);

        data[(0 * 20) + (1 * 5) + 2] = -7;  // (2, 1, 0): now the first element of magnitude 7
        (values, locations) = ExtremaRun.Run(Strategy, new LogicalDescriptor(size), data, new ExtremaSettings(ExtremaType.AbsMax, SearchRegion.Entire, ExtremaResult.Both));
        Assert.Equal(-7, values![0]);
        Assert.Equal([2f, 1f, 0f], locations!);

        (values, locations) = ExtremaRun.Run(Strategy, new LogicalDescriptor(size), data, new ExtremaSettings(ExtremaType.Min, SearchRegion.Entire, ExtremaResult.Both));
        Assert.Equal(-7, values![0]);
        Assert.Equal([2f, 1f, 0f], locations!);
    }

    [Fact]
    public void Large_single_signals_split_across_threads_keep_the_first_of_tied_extrema()
    {
        // Large enough for a multi-threaded strategy to split each signal into chunks; the tied maxima lie in different chunks.
        var size = new Size(300_007, 1, 1, 2);
        float[] data = Gens.Floats(42, size.Total);
        foreach (long i in new long[] { 250_000, 1_000, 299_999 })
        {
            data[i] = 5;
        }

        data[300_007 + 123_456] = float.NaN;
        data[300_007 + 200_000] = -9;
        data[300_007 + 10] = -9;
        var (values, locations) = ExtremaRun.Run(Strategy, new LogicalDescriptor(size), data, new ExtremaSettings(ExtremaType.AbsMax, SearchRegion.Entire, ExtremaResult.Both));
        Assert.Equal([5f, -9f], values!);
        Assert.Equal([1_000f, 0, 0, 10f, 0, 0], locations!);
    }

    [Fact]
    public void Nans_are_ignored_and_a_region_of_only_nans_gives_nan_value_and_nan_location()
    {
        var size = new Size(4, 3, 1, 3);
        float[] data = Enumerable.Repeat(float.NaN, (int)size.Total).ToArray();
        data[12 + 5] = -3;                          // signal 1: one number among NaNs
        for (int i = 24; i < 36; i++)
        {
            data[i] = float.NegativeInfinity;        // signal 2: only −∞, with a NaN first
        }

        data[24] = float.NaN;
        var (values, locations) = ExtremaRun.Run(Strategy, new LogicalDescriptor(size, new Padding(1, 2, 0, 1)), data, ExtremaSettings.MaxOfEntire);
        Assert.True(float.IsNaN(values![0]));
        Assert.All(locations![..3], c => Assert.True(float.IsNaN(c)));
        Assert.Equal(-3, values[1]);
        Assert.Equal([1f, 1f, 0f], locations[3..6]);
        Assert.Equal(float.NegativeInfinity, values[2]);
        Assert.Equal([1f, 0f, 0f], locations[6..9]);
    }

    [Fact]
    public void Centered_rectangle_is_centred_on_the_signal_centre_and_windows_report_input_coordinates()
    {
        // 10×9 signal: centre (5, 4); a 4×3 box starts at (5 − 2, 4 − 1) = (3, 3) and covers [3, 7) × [3, 6).
        var size = new Size(10, 9);
        var region = SearchRegion.CenteredRectangle(new Size(4, 3));
        Assert.Equal(new SearchBox(3, 3, 0, 4, 3, 1), region.Resolve(size));
        float[] data = new float[size.Total];
        data[0] = 100;                // outside the box
        data[(5 * 10) + 7] = 50;      // (7, 5): just outside along x
        data[(5 * 10) + 6] = 10;      // (6, 5): inside
        data[(3 * 10) + 3] = 9;       // (3, 3): inside, smaller
        var (values, locations) = ExtremaRun.Run(Strategy, new LogicalDescriptor(size), data, new ExtremaSettings(ExtremaType.Max, region, ExtremaResult.Both));
        Assert.Equal(10, values![0]);
        Assert.Equal([6f, 5f, 0f], locations!);

        (values, locations) = ExtremaRun.Run(Strategy, new LogicalDescriptor(size), data, new ExtremaSettings(ExtremaType.Max, SearchRegion.Window(new Size(2, 2), 7, 4), ExtremaResult.Both));
        Assert.Equal(50, values![0]);
        Assert.Equal([7f, 5f, 0f], locations!);
    }
}

public sealed class CpuSingleThreadedExtremaSearchTests : ExtremaSearchConformance
{
    protected override StrategyFactory<ExtremaOutput, ExtremaInput, ExtremaSettings> Strategy =>
        ExtremaFinderStrategies.Cpu(new CpuDevice(4)).Single(f => f.Name == ExtremaFinderStrategies.CpuSingleThreaded);
}

public sealed class CpuMultiThreadedExtremaSearchTests : ExtremaSearchConformance
{
    protected override StrategyFactory<ExtremaOutput, ExtremaInput, ExtremaSettings> Strategy =>
        ExtremaFinderStrategies.Cpu(new CpuDevice(4)).Single(f => f.Name == ExtremaFinderStrategies.CpuMultiThreaded);
}

public sealed class OpenClExtremaSearchTests : ExtremaSearchConformance
{
    protected override StrategyFactory<ExtremaOutput, ExtremaInput, ExtremaSettings> Strategy =>
        ExtremaFinderStrategies.OpenCl(OpenClTestDevice.Device).Single();
}
