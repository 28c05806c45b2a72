namespace Oompa.Scheduler.Data;

/// <summary>The MSI state of a handle's replica on one memory node.</summary>
public enum ReplicaState
{
    /// <summary>The node holds no valid copy.</summary>
    Invalid,

    /// <summary>The node holds a valid copy and so does at least one other node (a clean replica).</summary>
    Shared,

    /// <summary>The node holds the only valid copy (its owner); it is never evicted before it is written back.</summary>
    Modified,
}
