using Oompa.Algorithms.Reduction;
using Oompa.Algorithms.Reduction.OpenCl;
using Oompa.Algorithms.Tests.Support;
using Oompa.Core.Data;
using static Oompa.Algorithms.Tests.Reduction.OpenClReductionComparison;

namespace Oompa.Algorithms.Tests.Reduction;

/// <summary>
/// Samples of the OpenCL Reduction's tuning configurations give the default configuration's results (each
/// configuration costs a program compile, hence a class of its own).
/// </summary>
public sealed class OpenClReductionTuningTests
{
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
}
