using Oompa.Algorithms.Fft;
using Oompa.Core.Algorithms;
using Oompa.Core.Devices;

namespace Oompa.Algorithms.Tests.Fft;

public sealed class CpuSingleThreadedFourierTransformTests : FourierTransformConformance
{
    protected override StrategyFactory<FourierTransformOutput, FourierTransformInput, FourierTransformSettings> Strategy =>
        FourierTransformStrategies.Cpu(new CpuDevice(2)).Single(f => f.Name == FourierTransformStrategies.CpuSingleThreaded);
}

public sealed class CpuMultiThreadedFourierTransformTests : FourierTransformConformance
{
    protected override StrategyFactory<FourierTransformOutput, FourierTransformInput, FourierTransformSettings> Strategy =>
        FourierTransformStrategies.Cpu(new CpuDevice(2)).Single(f => f.Name == FourierTransformStrategies.CpuMultiThreaded);
}
