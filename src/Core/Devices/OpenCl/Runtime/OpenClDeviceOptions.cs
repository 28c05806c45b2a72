namespace Oompa.Core.Devices.OpenCl;

/// <summary>How an <see cref="OpenClDevice"/> is opened.</summary>
/// <param name="MemoryLimit">
/// The most bytes of device buffers live at once; null means 90 % of the device's global memory.
/// </param>
/// <param name="BinaryCacheDirectory">
/// Where compiled program binaries are kept between runs; null means <c>opencl</c> under the Oompa cache folder, and an
/// empty string disables the disk cache.
/// </param>
public sealed record OpenClDeviceOptions(long? MemoryLimit = null, string? BinaryCacheDirectory = null)
{
    /// <summary>The defaults.</summary>
    public static OpenClDeviceOptions Default { get; } = new();
}
