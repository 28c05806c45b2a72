using Oompa.Algorithms.Fft;
using Oompa.Algorithms.Tests.Support;
using Oompa.Core.Algorithms;

namespace Oompa.Algorithms.Tests.Fft;

/// <summary>The FourierTransform conformance suite, unchanged, on the OpenCL device through clFFT.</summary>
public sealed class OpenClFourierTransformTests : FourierTransformConformance
{
    protected override StrategyFactory<FourierTransformOutput, FourierTransformInput, FourierTransformSettings> Strategy =>
        FourierTransformStrategies.OpenCl(OpenClTestDevice.Device).Single();
}
