using Oompa.Core.Devices.OpenCl;

namespace Oompa.Algorithms.Tests.Support;

/// <summary>
/// The OpenCL device conformance suites run on: the process's first device (pocl's CPU device in CI, a GPU where a
/// driver is installed). pocl is a CI requirement, so a missing device fails the suites instead of skipping them.
/// </summary>
public static class OpenClTestDevice
{
    /// <summary>The device, or an exception saying why there is none.</summary>
    public static OpenClDevice Device => OpenClDevices.Require();
}
