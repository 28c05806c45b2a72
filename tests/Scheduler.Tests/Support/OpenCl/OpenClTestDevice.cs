using Oompa.Core.Devices.OpenCl;

namespace Oompa.Scheduler.Tests.Support.OpenCl;

/// <summary>
/// A class fixture: a private OpenCL device (the one <see cref="OpenClDeviceSelection"/> prefers: pocl's CPU device in
/// CI, the GPU on a machine with a GPU driver) opened for one
/// test class, so that its live-object counters belong to that class alone, with the test kernels built on it. Tests
/// check with <see cref="AssertReleased"/> that every buffer and event the runtime made has been released.
/// </summary>
public sealed class OpenClTestDevice : IDisposable
{
    private static readonly Lazy<OpenClDeviceInfo?> First = new(() => OpenClDeviceSelection.Preferred(OpenClDiscovery.Discover().Devices));
    private static readonly Lazy<string?> Reason = new(() => First.Value is null
        ? $"no OpenCL device: {OpenClDiscovery.Discover().Reason ?? "none found"} (install pocl-opencl-icd)"
        : null);

    private readonly OpenClDevice? device;
    private OpenClTestKernels? kernels;

    public OpenClTestDevice()
    {
        if (First.Value is { } info)
        {
            device = OpenClDevice.Open(info, 0);
        }
    }

    /// <summary>Why OpenCL tests are skipped, or null when a device exists.</summary>
    public static string? UnavailableReason => Reason.Value;

    public OpenClDevice Device => device ?? throw new InvalidOperationException(UnavailableReason);

    public OpenClTestKernels Kernels => kernels ??= new OpenClTestKernels(Device);

    /// <summary>No buffer, event or allocation of the device is live (kernels and programs of the fixture are).</summary>
    public void AssertReleased()
    {
        Assert.Equal(0, Device.Objects.Live(OpenClObjectKind.Buffer));
        Assert.Equal(0, Device.Objects.Live(OpenClObjectKind.Event));
        Assert.Equal(0, Device.Allocator.Statistics.LiveBytes);
    }

    public void Dispose()
    {
        kernels?.Dispose();
        device?.Dispose();
    }
}
