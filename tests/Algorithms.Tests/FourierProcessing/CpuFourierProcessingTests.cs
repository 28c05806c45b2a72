using Oompa.Algorithms.FourierProcessing;
using Oompa.Core.Algorithms;
using Oompa.Core.Devices;

namespace Oompa.Algorithms.Tests.FourierProcessing;

public sealed class CpuSingleThreadedFourierProcessingTests : FourierProcessingConformance
{
    protected override StrategyFactory<FourierProcessingOutput, FourierProcessingInput, FourierProcessingSettings> Strategy =>
        FourierProcessingStrategies.Cpu(new CpuDevice(4)).Single(f => f.Name == FourierProcessingStrategies.CpuSingleThreaded);
}

public sealed class CpuMultiThreadedFourierProcessingTests : FourierProcessingConformance
{
    protected override StrategyFactory<FourierProcessingOutput, FourierProcessingInput, FourierProcessingSettings> Strategy =>
        FourierProcessingStrategies.Cpu(new CpuDevice(4)).Single(f => f.Name == FourierProcessingStrategies.CpuMultiThreaded);
}
