using Oompa.Core.Data;

namespace Oompa.Scheduler.Data;

/// <summary>A copy between two replicas decided under the runtime's lock and started after it is released.</summary>
internal sealed class CopyOrder(Replica source, Replica destination, PhysicalDescriptor from, PhysicalDescriptor to, Task? after)
{
    public Replica Source { get; } = source;

    public Replica Destination { get; } = destination;

    /// <summary>The source bytes (captured at decision time; the source is pinned until the copy ends).</summary>
    public PhysicalDescriptor From { get; } = from;

    /// <summary>The destination bytes.</summary>
    public PhysicalDescriptor To { get; } = to;

    /// <summary>A copy that must finish first (the first hop of a device-to-device move).</summary>
    public Task? After { get; } = after;

    /// <summary>The destination's generation when decided: if it changed, a write elsewhere made the copy stale.</summary>
    public int Generation { get; } = destination.Generation;

    /// <summary>Completes when the bytes have arrived (the destination's <see cref="Replica.Fetch"/>).</summary>
    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long Bytes => Destination.Handle.Bytes;

    public double StartSeconds { get; set; }
}
