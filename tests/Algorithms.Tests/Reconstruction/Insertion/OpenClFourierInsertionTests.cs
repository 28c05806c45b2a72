using Oompa.Algorithms.Common.OpenCl;
using Oompa.Algorithms.Reconstruction.Geometry;
using Oompa.Algorithms.Reconstruction.Insertion;
using Oompa.Algorithms.Tests.Support;
using Oompa.Core.Algorithms;
using Oompa.Core.Data;

namespace Oompa.Algorithms.Tests.Reconstruction.Insertion;

/// <summary>
/// The insertion contract on the OpenCL device (pocl in CI) with the default configuration, plus what the CPU subclass
/// checks about bad projection indices.
/// </summary>
public sealed class OpenClFourierInsertionTests : FourierInsertionConformance
{
    protected override StrategyFactory<FourierInsertionOutput, FourierInsertionInput, FourierInsertionSettings> Strategy =>
        FourierInsertionStrategies.OpenCl(OpenClTestDevice.Device).Single(f => f.Name == OpenClStrategies.Kernels);

    [Fact]
    public void A_projection_index_outside_the_batch_is_rejected_before_anything_is_inserted()
    {
        using var h = Fresh(FourierInsertionSettings.Default, new EulerAngles(0, 0, 0), new EulerAngles(0, 90, 0));
        var spaces = h.SpacesPayload.Span<TraverseSpace>();
        spaces[1] = spaces[1] with { ProjectionIndex = 1 };
        using var algorithm = Create();
        algorithm.Init(h.Output, h.Input, h.Case.Settings).ThrowIfFailed();
        var error = Assert.Throws<ArgumentException>(() => algorithm.Execute(h.Output, h.Input));
        Assert.Contains("element 1 has ProjectionIndex 1", error.Message, StringComparison.Ordinal);
        Assert.All(h.Weights.GetLogical<float>(), w => Assert.Equal(0f, w));
    }
}
