using Oompa.Algorithms.Reconstruction.Geometry;
using Oompa.Algorithms.Reconstruction.Insertion;
using Oompa.Core.Algorithms;
using Oompa.Core.Data;
using Oompa.Core.Devices;

namespace Oompa.Algorithms.Tests.Reconstruction.Insertion;

public sealed class CpuSingleThreadedFourierInsertionTests : FourierInsertionConformance
{
    protected override StrategyFactory<FourierInsertionOutput, FourierInsertionInput, FourierInsertionSettings> Strategy =>
        FourierInsertionStrategies.Cpu(new CpuDevice(4)).Single(f => f.Name == FourierInsertionStrategies.CpuSingleThreaded);
}

public sealed class CpuMultiThreadedFourierInsertionTests : FourierInsertionConformance
{
    protected override StrategyFactory<FourierInsertionOutput, FourierInsertionInput, FourierInsertionSettings> Strategy =>
        FourierInsertionStrategies.Cpu(new CpuDevice(4)).Single(f => f.Name == FourierInsertionStrategies.CpuMultiThreaded);

    [Theory]
    [InlineData(InsertionMode.Blob)]
    [InlineData(InsertionMode.NearestNeighbour)]
    public void Multi_threaded_results_equal_single_threaded_results_bit_for_bit(InsertionMode mode)
    {
        var angles = Enumerable.Range(0, 6).Select(k => new EulerAngles(37 * k, 29 * k % 180, 53 * k)).ToArray();
        var settings = new FourierInsertionSettings(Mode: mode);
        using var multi = Fresh(settings, angles);
        using var single = Fresh(settings, angles);
        Run(multi);
        using (var algorithm = new FourierInsertion(FourierInsertionStrategies.Cpu(new CpuDevice(4)).Where(f => f.Name == FourierInsertionStrategies.CpuSingleThreaded)))
        {
            algorithm.Init(single.Output, single.Input, settings).ThrowIfFailed();
            algorithm.Execute(single.Output, single.Input);
        }

        Assert.Equal(single.Volume.GetLogical<ComplexF>(), multi.Volume.GetLogical<ComplexF>());
        Assert.Equal(single.Weights.GetLogical<float>(), multi.Weights.GetLogical<float>());
    }
}
