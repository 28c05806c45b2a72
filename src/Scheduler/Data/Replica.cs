using Oompa.Core.Data;
using Oompa.Core.Memory;

namespace Oompa.Scheduler.Data;

/// <summary>A handle's bytes on one memory node: state, buffer, pins and LRU stamp. Guarded by the runtime's lock.</summary>
internal sealed class Replica
{
    public Replica(DataHandle handle, int node)
    {
        Handle = handle;
        NodeIndex = node;
    }

    public DataHandle Handle { get; }

    public int NodeIndex { get; }

    public ReplicaState State { get; set; }

    /// <summary>The buffer the runtime allocated; null for the registered home memory (never freed by the runtime).</summary>
    public MemoryBlock? Block { get; set; }

    /// <summary>Where the bytes are; null while nothing is allocated.</summary>
    public PhysicalDescriptor? Physical { get; private set; }

    /// <summary>The handle's payload over these bytes (built once per buffer).</summary>
    public IPayload? View { get; private set; }

    /// <summary>Running tasks and copies using the buffer; a pinned replica is never evicted.</summary>
    public int Pins { get; set; }

    /// <summary>A copy into this replica that has not finished; readers wait for it.</summary>
    public TaskCompletionSource? Fetch { get; set; }

    /// <summary>Bumped whenever another node's write invalidates this replica, so a late copy cannot revive it.</summary>
    public int Generation { get; set; }

    /// <summary>Logical time of the last use, for LRU eviction.</summary>
    public long LastUse { get; set; }

    public bool IsHome => Block is null && Physical is not null;

    public bool IsAllocated => Physical is not null;

    /// <summary>Valid and not waiting for a copy.</summary>
    public bool IsReady => State != ReplicaState.Invalid && Fetch is null;

    public void Attach(PhysicalDescriptor physical, MemoryBlock? block)
    {
        Block = block;
        Physical = physical;
        View = Handle.Payload is { } p ? PayloadViews.WithPhysical(p, physical) : null;
    }

    public void Detach()
    {
        Block?.Dispose();
        Block = null;
        Physical = null;
        View = null;
        State = ReplicaState.Invalid;
    }
}
