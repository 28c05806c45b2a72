using Oompa.Algorithms.Correlation;
using Oompa.Algorithms.Tests.Support;
using Oompa.Core.Algorithms;

namespace Oompa.Algorithms.Tests.Correlation;

/// <summary>The Correlation conformance suite, unchanged, on the OpenCL device (pocl in CI).</summary>
public sealed class OpenClCorrelationTests : CorrelationConformance
{
    protected override StrategyFactory<CorrelationOutput, CorrelationInput, CorrelationSettings> Strategy =>
        CorrelationStrategies.OpenCl(OpenClTestDevice.Device).Single();
}
