using Oompa.Core.Data;
using Oompa.Core.Devices;
using Oompa.Core.Memory;

namespace Oompa.Scheduler.Nodes;

/// <summary>The host memory node: 64-byte aligned host allocations, synchronous copies, no memory limit.</summary>
public sealed class HostNodeProvider : IMemoryNodeProvider
{
    private readonly HostAllocator allocator = new();

    /// <inheritdoc />
    public MemoryNode Node => MemoryNode.Host;

    /// <inheritdoc />
    public string Identity => $"host|{CpuDevice.Default.Name}";

    /// <inheritdoc />
    public long MemoryLimit => long.MaxValue;

    /// <summary>Accounting of the buffers this provider allocated.</summary>
    public MemoryStatistics Statistics => allocator.Statistics;

    /// <inheritdoc />
    public MemoryBlock Allocate(long bytes) => allocator.Allocate(bytes);

    /// <inheritdoc />
    public unsafe Task CopyAsync(PhysicalDescriptor source, PhysicalDescriptor destination, long bytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        if (!source.Node.IsHost || !destination.Node.IsHost || source.Pointer == 0 || destination.Pointer == 0)
        {
            throw new ArgumentException($"The host provider copies host memory only, not {source.Node} to {destination.Node}.");
        }

        Buffer.MemoryCopy((void*)source.Pointer, (void*)destination.Pointer, destination.Bytes, bytes);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public LinkCalibration Calibrate(TransferCalibrationOptions options) => new(LinkCost.Free, LinkCost.Free);
}
