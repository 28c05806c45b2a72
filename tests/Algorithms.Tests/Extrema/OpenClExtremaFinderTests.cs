using Oompa.Algorithms.Extrema;
using Oompa.Algorithms.Extrema.OpenCl;
using Oompa.Core.Data;
using static Oompa.Algorithms.Tests.Extrema.OpenClExtremaComparison;

namespace Oompa.Algorithms.Tests.Extrema;

/// <summary>
/// The OpenCL ExtremaFinder beyond the conformance suites: batches far beyond one work-group (and beyond one launch's
/// work-groups) against the single-threaded CPU strategy, and the bounds of the chunk split. See
/// <see cref="OpenClExtremaComparison"/> for what is compared how.
/// </summary>
public sealed class OpenClExtremaFinderTests
{
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

    [Fact]
    public void Boxes_contiguous_in_memory_are_scanned_as_one_row()
    {
        var plain = new LogicalDescriptor(new Size(10, 8, 3, 2));
        Assert.Equal(240, ExtremaBox.Scan(plain, SearchRegion.Entire.Resolve(plain.Size)!.Value, ExtremaType.Max).Width);
        Assert.Equal(50, ExtremaBox.Scan(plain, SearchRegion.Window(new Size(10, 5), 0, 2, 1).Resolve(plain.Size)!.Value, ExtremaType.Max).Width);
        Assert.Equal(6, ExtremaBox.Scan(plain, SearchRegion.Window(new Size(6, 1), 2, 2, 1).Resolve(plain.Size)!.Value, ExtremaType.Max).Width);
        Assert.Equal(9, ExtremaBox.Scan(plain, SearchRegion.Window(new Size(9, 5), 0, 2, 1).Resolve(plain.Size)!.Value, ExtremaType.Max).Width);
        Assert.Equal(10, ExtremaBox.Scan(plain, SearchRegion.Window(new Size(10, 5, 2), 0, 2, 1).Resolve(plain.Size)!.Value, ExtremaType.Max).Width);
        var padded = new LogicalDescriptor(new Size(10, 8, 1, 2), new Padding(0, 1));
        Assert.Equal(10, ExtremaBox.Scan(padded, SearchRegion.Entire.Resolve(padded.Size)!.Value, ExtremaType.Max).Width);
    }
}
