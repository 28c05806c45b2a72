using Oompa.Algorithms.Reduction;
using Oompa.Algorithms.Reduction.OpenCl;
using Oompa.Algorithms.Tests.Support;
using Oompa.Core.Algorithms;
using Oompa.Core.Data;
using Oompa.Core.Devices;
using Oompa.Tuning.Spaces;
using Reduce = Oompa.Algorithms.Reduction.Reduction;

namespace Oompa.Algorithms.Tests.Reduction;

/// <summary>
/// What the conformance suites do not reach on the OpenCL strategy: batches far beyond one work-group (and beyond one
/// launch's work-groups), and tuning configurations giving the default's results. Min, Max and PiecewiseAdd are
/// compared exactly; Sum and Mean within the two results' float roundings (2.4e-7 relative) plus 1e-12·Σ|v| (sums in
/// another order), the statistics suite's bound applied to two results that each meet it.
/// </summary>
public sealed class OpenClReductionTests
{
    private static readonly StrategyFactory<ReductionOutput, ReductionInput, ReductionSettings> Cpu =
        ReductionStrategies.Cpu(new CpuDevice(1)).Single(f => f.Name == ReductionStrategies.CpuSingleThreaded);

    private static readonly ReductionOperation[] Statistics = [ReductionOperation.Sum, ReductionOperation.Mean, ReductionOperation.Min, ReductionOperation.Max];

    private static StrategyFactory<ReductionOutput, ReductionInput, ReductionSettings> OpenCl(TuningConfiguration? configuration = null, bool floatFloat = false) =>
        new(ReductionStrategies.OpenClKernels, () => new OpenClReduction(ReductionStrategies.OpenClKernels, OpenClTestDevice.Device, floatFloat) { Configuration = configuration });

    private static float[] Statistic(StrategyFactory<ReductionOutput, ReductionInput, ReductionSettings> strategy, LogicalDescriptor layout, float[] data, ReductionOperation operation)
    {
        using var input = new GuardedPayload<LogicalDescriptor>(layout, DataType.Float32, "data");
        input.SetLogical<float>(data);
        var settings = new ReductionSettings(operation);
        using var values = new GuardedPayload<LogicalDescriptor>(Reduce.OutputDescriptor(layout, settings), DataType.Float32, "values");
        using var algorithm = new Reduce([strategy]);
        var o = ReductionOutput.PerSignal(values.Payload);
        var i = new ReductionInput(input.Payload);
        algorithm.Init(o, i, settings).ThrowIfFailed();
        algorithm.Execute(o, i);
        algorithm.Synchronize();
        values.AssertGuardsIntact();
        return values.GetLogical<float>();
    }

    private static ComplexF[] Accumulate(StrategyFactory<ReductionOutput, ReductionInput, ReductionSettings> strategy, LogicalDescriptor layout, ComplexF[] a, ComplexF[] b)
    {
        using var output = new GuardedPayload<LogicalDescriptor>(layout, DataType.Complex32, "accumulator");
        using var input = new GuardedPayload<LogicalDescriptor>(layout, DataType.Complex32, "increment");
        output.SetLogical<ComplexF>(a);
        input.SetLogical<ComplexF>(b);
        using var algorithm = new Reduce([strategy]);
        var o = ReductionOutput.Accumulate(output.Payload);
        var i = new ReductionInput(input.Payload);
        algorithm.Init(o, i, ReductionSettings.PiecewiseAdd).ThrowIfFailed();
        algorithm.Execute(o, i);
        algorithm.Synchronize();
        output.AssertPaddingUntouched();
        output.AssertGuardsIntact();
        return output.GetLogical<ComplexF>();
    }

    /// <summary>Checks <paramref name="actual"/> against <paramref name="expected"/> (the CPU's): exact for Min and Max, within
    /// one float rounding plus 1e-12·Σ|v| for sums.</summary>
    private static void AssertAgrees(float[] expected, float[] actual, float[] data, Size size, ReductionOperation operation)
    {
        for (int n = 0; n < size.N; n++)
        {
            double bound = 0;
            if (operation is ReductionOperation.Sum or ReductionOperation.Mean)
            {
                double absolute = new ArraySegment<float>(data, (int)(n * size.Single), (int)size.Single).Sum(v => Math.Abs((double)v));
                bound = (2.4e-7 * Math.Abs(expected[n])) + (1e-12 * absolute / (operation == ReductionOperation.Mean ? size.Single : 1));
            }

            if (!(Math.Abs(expected[n] - actual[n]) <= bound) && !(float.IsNaN(expected[n]) && float.IsNaN(actual[n])))
            {
                Assert.Fail($"{operation} of signal {n}: expected {expected[n]}, got {actual[n]} (bound {bound:G3}).");
            }
        }
    }

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

    [Fact]
    public void A_sample_of_statistics_configurations_gives_the_default_results()
    {
        var statisticsLayout = new LogicalDescriptor(new Size(61, 47, 1, 40), new Padding(2, 1));
        var single = new LogicalDescriptor(new Size(100_003));
        float[] many = Gens.Floats(1, statisticsLayout.Size.Total), large = Gens.Floats(2, single.Size.Total);
        var statistics = ReductionKernels.Statistics.Space.Enumerate().Where((_, i) => i % 2 == (i / 4) % 2).ToList();
        Assert.Equal(8, statistics.Count);
        Assert.All(ReductionKernels.Statistics.Space.Parameters, p => Assert.Equal(p.Values.Order(), statistics.Select(c => c[p.Name]).Distinct().Order()));
        const ReductionOperation mean = ReductionOperation.Mean;  // the sum path, where the order of additions depends on the configuration
        float[] defaultMany = Statistic(OpenCl(), statisticsLayout, many, mean), defaultLarge = Statistic(OpenCl(), single, large, mean);
        foreach (var configuration in statistics)
        {
            AssertAgrees(defaultMany, Statistic(OpenCl(configuration), statisticsLayout, many, mean), many, statisticsLayout.Size, mean);
            AssertAgrees(defaultLarge, Statistic(OpenCl(configuration), single, large, mean), large, single.Size, mean);
        }
    }

    [Fact]
    public void A_sample_of_piecewise_configurations_gives_the_default_results()
    {
        // 48 configurations; 8 distinct ones from a seeded sample, on padded and contiguous layouts, exactly.
        var random = new Random(4);
        var piecewise = ReductionKernels.PiecewiseAdd.Space;
        var sample = Enumerable.Range(0, 64).Select(_ => piecewise.Sample(random)).Distinct().Take(8).ToList();
        Assert.Equal(8, sample.Count);
        foreach (var layout in new[] { new LogicalDescriptor(new Size(37, 19, 1, 5), new Padding(1, 2, 0, 1)), new LogicalDescriptor(new Size(10_007)) })
        {
            ComplexF[] a = Gens.Complexes(3, layout.Size.Total), b = Gens.Complexes(4, layout.Size.Total);
            ComplexF[] expected = Accumulate(OpenCl(), layout, a, b);
            Assert.Equal(a.Zip(b, (p, q) => p + q).ToArray(), expected);
            foreach (var configuration in sample)
            {
                Assert.Equal(expected, Accumulate(OpenCl(configuration), layout, a, b));
            }
        }
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
