using Oompa.Core.Devices.OpenCl;

namespace Oompa.Algorithms.Tests.Support;

/// <summary>
/// The OpenCL device conformance suites run on: <see cref="OpenClDevices.Default"/> (pocl's CPU device in CI, the GPU
/// where a GPU driver is installed; <c>OOMPA_OPENCL_DEVICE</c> picks another). pocl is a CI requirement, so a missing device fails the suites instead of skipping them.
/// </summary>
public static class OpenClTestDevice
{
    /// <summary>The device, or an exception saying why there is none.</summary>
    public static OpenClDevice Device => OpenClDevices.Require();
}
