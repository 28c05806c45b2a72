namespace Oompa.Scheduler.Data;

/// <summary>How a task uses a data handle; the runtime derives dependencies and transfers from it.</summary>
public enum AccessMode
{
    /// <summary>Reads the data: waits for the previous writer, may run alongside other readers; the data is replicated
    /// to the worker's node.</summary>
    Read,

    /// <summary>Overwrites every byte without reading: waits for previous readers and writers; no data is moved in and
    /// every other replica is invalidated.</summary>
    Write,

    /// <summary>Reads then writes: the dependencies of both; the data is moved in and every other replica invalidated.</summary>
    ReadWrite,

    /// <summary>A per-worker temporary of the handle's size whose content is undefined at entry; no dependencies.</summary>
    Scratch,

    /// <summary>
    /// Accumulates into a per-worker private copy that the handle's <see cref="ReductionOperation.Init"/> prepared;
    /// reduction tasks do not wait for each other, and the private copies are combined into the data with
    /// <see cref="ReductionOperation.Combine"/> before the next non-reduction access (or at synchronisation).
    /// </summary>
    Reduction,
}
