using Oompa.Algorithms.Fft;
using Oompa.Algorithms.Tests.Support;
using Oompa.Core.Algorithms;

namespace Oompa.Algorithms.Tests.Fft;

/// <summary>
/// The FourierTransform conformance suite on the OpenCL device through clFFT: the same properties and generators, with
/// 6 cases per property instead of 30, because clFFT compiles kernels for every new shape (1–5 s each on pocl, so the
/// full count took 15 minutes). The fixed-shape tests run in full.
/// </summary>
[Collection(ClFftCollection.Name)]
public sealed class OpenClFourierTransformTests : FourierTransformConformance
{
    protected override StrategyFactory<FourierTransformOutput, FourierTransformInput, FourierTransformSettings> Strategy =>
        FourierTransformStrategies.OpenCl(OpenClTestDevice.Device).Single();

    protected override int CasesPerProperty => 6;
}
