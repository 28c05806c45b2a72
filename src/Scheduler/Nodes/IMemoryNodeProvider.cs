using Oompa.Core.Data;
using Oompa.Core.Memory;

namespace Oompa.Scheduler.Nodes;

/// <summary>
/// The storage and transfers of one memory node, as the task runtime sees them: it allocates replicas of data handles
/// on the node and copies bytes between the node and the host. The host node is built in (<see cref="HostNodeProvider"/>);
/// a device backend (OpenCL, CUDA) implements this interface for its memory and a matching <see cref="Workers.IWorker"/>,
/// and the runtime needs no other change. Implementations must be thread-safe: copies run concurrently with allocations.
/// </summary>
public interface IMemoryNodeProvider
{
    /// <summary>The node this provider serves; unique among the providers of one runtime.</summary>
    MemoryNode Node { get; }

    /// <summary>A stable identity for persisted transfer models (for example vendor, device name and driver version).</summary>
    string Identity { get; }

    /// <summary>
    /// Bytes the runtime may keep allocated on this node (replicas, scratch and reduction buffers). When an allocation
    /// would exceed it, the runtime evicts clean replicas, least recently used first, and never the last valid copy.
    /// </summary>
    long MemoryLimit { get; }

    /// <summary>Allocates <paramref name="bytes"/> bytes on this node; disposing the block frees them.</summary>
    /// <exception cref="OutOfMemoryException">The node cannot provide the memory.</exception>
    MemoryBlock Allocate(long bytes);

    /// <summary>
    /// Copies <paramref name="bytes"/> bytes from <paramref name="source"/> to <paramref name="destination"/>, one of
    /// which lives on the host and the other on this node (for the host provider, both on the host). The returned task
    /// completes when the bytes have arrived and the source may be reused.
    /// </summary>
    Task CopyAsync(PhysicalDescriptor source, PhysicalDescriptor destination, long bytes, CancellationToken cancellationToken = default);

    /// <summary>
    /// The calibration hook: the provider's own measurement of its link to the host (for example from device event
    /// timers), or null to let the runtime time <see cref="CopyAsync"/> itself with <paramref name="options"/>.
    /// </summary>
    LinkCalibration? Calibrate(TransferCalibrationOptions options);
}
