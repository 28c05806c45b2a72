using Oompa.Algorithms.Common.OpenCl;
using Oompa.Algorithms.Reconstruction.Geometry;
using Oompa.Algorithms.Reconstruction.Insertion;
using Oompa.Algorithms.Tests.Support;
using Oompa.Core.Algorithms;
using Oompa.Core.Data;

namespace Oompa.Algorithms.Tests.Reconstruction.Insertion;

/// <summary>
/// The insertion contract on the OpenCL device (pocl in CI) with the default configuration.
/// </summary>
public sealed class OpenClFourierInsertionTests : FourierInsertionConformance
{
    protected override StrategyFactory<FourierInsertionOutput, FourierInsertionInput, FourierInsertionSettings> Strategy =>
        FourierInsertionStrategies.OpenCl(OpenClTestDevice.Device).Single(f => f.Name == OpenClStrategies.Kernels);
}
