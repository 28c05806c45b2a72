using Oompa.Algorithms.Reduction;
using Oompa.Algorithms.Reduction.OpenCl;
using Oompa.Algorithms.Tests.Support;
using Oompa.Core.Data;
using static Oompa.Algorithms.Tests.Reduction.OpenClReductionComparison;

namespace Oompa.Algorithms.Tests.Reduction;

/// <summary>
/// The OpenCL Reduction beyond the conformance suites: batches far beyond one work-group (and beyond one launch's
/// work-groups) against the single-threaded CPU strategy, in double and float-float, and the bounds of the chunk split.
/// See <see cref="OpenClReductionComparison"/> for what is compared how.
/// </summary>
public sealed class OpenClReductionTests
{
    [Theory]
    [InlineData(1000, 9, 7, 1, true)]     // a thousand small padded signals, one work-group each
    [InlineData(37, 120, 100, 1, false)]  // a few large signals, each split into chunks that are combined
    [InlineData(70_000, 3, 1, 1, false)]  // more signals than one launch has work-groups: the kernels loop
    public void Large_batches_agree_with_the_cpu_in_double_and_float_float(int signals, int x, int y, int z, bool padded)
    {
        var size = new Size(x, y, z, signals);
        var layout = padded ? new LogicalDescriptor(size, new Padding(1, 2, 0, 1)) : new LogicalDescriptor(size);
        float[] data = Gens.Floats(signals + x, size.Total);
        data[5] = float.NaN;
        foreach (var operation in Statistics)
        {
            float[] expected = Statistic(Cpu, layout, data, operation);
            AssertAgrees(expected, Statistic(OpenCl(), layout, data, operation), data, size, operation);
            AssertAgrees(expected, Statistic(OpenCl(floatFloat: true), layout, data, operation), data, size, operation);
        }
    }

    [Fact]
    public void Piecewise_add_over_more_rows_than_a_launch_has_work_groups_is_exact()
    {
        // 90 000 padded rows of 3 complex elements: one slot per row, more than one launch covers.
        var layout = new LogicalDescriptor(new Size(3, 300, 1, 300), new Padding(1, 0, 0, 1));
        ComplexF[] a = Gens.Complexes(1, layout.Size.Total), b = Gens.Complexes(2, layout.Size.Total);
        Assert.Equal(a.Zip(b, (p, q) => p + q).ToArray(), Accumulate(OpenCl(), layout, a, b));
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(100_003, 1, 1)]
    [InlineData(40_000, 37, 256)]
    [InlineData(64, 70_000, 512)]
    public void Splits_cover_each_signal_with_aligned_chunks_and_bound_the_work_groups(long count, int signals, long perGroup)
    {
        var (groups, chunk) = OpenClReduction.Split(count, signals, perGroup);
        Assert.InRange(groups, 1, Math.Max(1, OpenClReduction.TargetGroups / signals));
        Assert.True((long)groups * chunk >= count, "the chunks cover the signal");
        Assert.True((long)(groups - 1) * chunk < count, "no chunk is empty");
        Assert.True(groups == 1 || chunk % perGroup == 0, "chunks are multiples of a group's elements");
    }
}
