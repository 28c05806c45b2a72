using Oompa.Algorithms.Correlation;
using Oompa.Core.Algorithms;
using Oompa.Core.Devices;

namespace Oompa.Algorithms.Tests.Correlation;

public sealed class CpuSingleThreadedCorrelationTests : CorrelationConformance
{
    protected override StrategyFactory<CorrelationOutput, CorrelationInput, CorrelationSettings> Strategy =>
        CorrelationStrategies.Cpu(new CpuDevice(4)).Single(f => f.Name == CorrelationStrategies.CpuSingleThreaded);
}

public sealed class CpuMultiThreadedCorrelationTests : CorrelationConformance
{
    protected override StrategyFactory<CorrelationOutput, CorrelationInput, CorrelationSettings> Strategy =>
        CorrelationStrategies.Cpu(new CpuDevice(4)).Single(f => f.Name == CorrelationStrategies.CpuMultiThreaded);
}
