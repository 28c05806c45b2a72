using Oompa.Algorithms.Extrema;
using Oompa.Algorithms.Extrema.OpenCl;
using Oompa.Core.Data;
using static Oompa.Algorithms.Tests.Extrema.OpenClExtremaComparison;

namespace Oompa.Algorithms.Tests.Extrema;

/// <summary>
/// A sample of the OpenCL ExtremaFinder's tuning configurations gives the default configuration's results bit for bit
/// (each configuration costs a program compile, hence a class of its own).
/// </summary>
public sealed class OpenClExtremaTuningTests
{
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
}
