using Oompa.Algorithms.FourierProcessing;
using Oompa.Algorithms.Tests.Support;
using Oompa.Core.Algorithms;

namespace Oompa.Algorithms.Tests.FourierProcessing;

/// <summary>The FourierProcessing conformance suite, unchanged, on the OpenCL device (pocl in CI).</summary>
public sealed class OpenClFourierProcessingTests : FourierProcessingConformance
{
    protected override StrategyFactory<FourierProcessingOutput, FourierProcessingInput, FourierProcessingSettings> Strategy =>
        FourierProcessingStrategies.OpenCl(OpenClTestDevice.Device).Single();
}
