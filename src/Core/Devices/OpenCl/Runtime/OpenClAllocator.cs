using System.Globalization;
using Oompa.Core.Data;
using Oompa.Core.Memory;

namespace Oompa.Core.Devices.OpenCl;

/// <summary>
/// Allocates buffers on one OpenCL device within a memory limit and counts them. Allocation is rejected before the
/// driver is asked when it would exceed the limit or the device's largest single allocation, with a message that says
/// how much is live.
/// </summary>
public sealed unsafe class OpenClAllocator : IMemoryAllocator
{
    internal OpenClAllocator(OpenClDevice device, long memoryLimit)
    {
        Device = device;
        MemoryLimit = memoryLimit;
    }

    /// <summary>The device the buffers live on.</summary>
    public OpenClDevice Device { get; }

    /// <inheritdoc />
    public MemoryNode Node => Device.MemoryNode;

    /// <inheritdoc />
    public MemoryStatistics Statistics { get; } = new();

    /// <summary>The most bytes this allocator keeps live at once.</summary>
    public long MemoryLimit { get; }

    /// <inheritdoc />
    /// <remarks>
    /// Only <see cref="AllocationOptions.Zeroed"/> applies to device memory; <see cref="AllocationOptions.Pinned"/> and
    /// <see cref="AllocationOptions.HugePages"/> describe host memory and are rejected (use
    /// <see cref="OpenClDevice.AllocateStaging"/> for pinned host staging memory).
    /// </remarks>
    public MemoryBlock Allocate(long bytes, AllocationOptions? options = null) => AllocateBuffer(bytes, options);

    /// <summary>Allocates a device buffer (see <see cref="Allocate"/>).</summary>
    /// <exception cref="OutOfMemoryException">The limit, the device's largest allocation or the driver refuses.</exception>
    public OpenClBuffer AllocateBuffer(long bytes, AllocationOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        options ??= AllocationOptions.Default;
        if (options.Pinned || options.HugePages)
        {
            throw new ArgumentException($"Pinned and huge-page options apply to host memory, not to buffers on {Device.Name}.", nameof(options));
        }

        long size = Math.Max(bytes, 1);
        if (size > Device.Info.MaxAllocationBytes)
        {
            throw new OutOfMemoryException(Format($"Cannot allocate {bytes} bytes on {Device.Name}: its largest single buffer is {Device.Info.MaxAllocationBytes} bytes."));
        }

        long live = Statistics.LiveBytes;
        if (live + size > MemoryLimit)
        {
            throw new OutOfMemoryException(Format($"Cannot allocate {bytes} bytes on {Device.Name}: {live} bytes are live and the limit is {MemoryLimit} bytes."));
        }

        int error;
        nint mem = OpenClNative.clCreateBuffer(Device.ContextHandle, OpenClNative.MemReadWrite, (nuint)size, null, &error);
        if (OpenClError.IsOutOfMemory(error))
        {
            throw new OutOfMemoryException(Format($"{Device.Name} refused {bytes} bytes: clCreateBuffer failed with {OpenClError.Name(error)} ({live} bytes live)."));
        }

        OpenClError.ThrowIfFailed(error, "clCreateBuffer");
        Statistics.OnAllocated(size);
        var buffer = new OpenClBuffer(this, mem, size);
        if (options.Zeroed)
        {
            Device.ComputeQueue.Zero(buffer, 0, size);
            Device.ComputeQueue.Finish();
        }

        return buffer;
    }

    private static string Format(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}
