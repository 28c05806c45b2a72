using Oompa.Core.Data;
using Oompa.Scheduler.Tasks;

namespace Oompa.Scheduler.Data;

/// <summary>
/// Data the runtime manages: registered host memory (its home), a per-worker scratch size, or a simulated size. Tasks
/// name handles with an <see cref="AccessMode"/>; the runtime orders the tasks, keeps MSI replicas on memory nodes and
/// moves the bytes. Between registration and synchronisation the home memory belongs to the runtime: read it only
/// after <c>Synchronize</c>.
/// </summary>
public sealed class DataHandle
{
    internal DataHandle(object owner, int id, string name, long bytes, IPayload? payload, bool scratch, ReductionOperation? reduction, int nodes)
    {
        Owner = owner;
        Id = id;
        Name = name;
        Bytes = bytes;
        Payload = payload;
        IsScratch = scratch;
        Reduction = reduction;
        Replicas = new Replica[nodes];
        for (int i = 0; i < nodes; i++)
        {
            Replicas[i] = new Replica(this, i);
        }
    }

    /// <summary>A number unique within the runtime or simulation that registered the handle.</summary>
    public int Id { get; }

    /// <summary>A name for traces and messages.</summary>
    public string Name { get; }

    /// <summary>Bytes of the data.</summary>
    public long Bytes { get; }

    /// <summary>The registered payload (home memory), the description of a scratch handle, or null when simulated.</summary>
    public IPayload? Payload { get; }

    /// <summary>Whether this is a per-worker temporary without content.</summary>
    public bool IsScratch { get; }

    /// <summary>How reduction-mode accesses combine; null when the handle does not support them.</summary>
    public ReductionOperation? Reduction { get; }

    /// <summary>Whether the handle has been unregistered.</summary>
    public bool IsUnregistered { get; internal set; }

    /// <summary>
    /// Whether the data is transient (<c>TaskRuntime.MarkTransient</c>): the host never reads or writes its memory
    /// directly, so the runtime never brings it home on its own — a scheduled algorithm's <c>Synchronize</c> and the
    /// runtime's <c>Synchronize</c> leave it where tasks wrote it, or drop it — and an overlapping registration with
    /// no task still using it drops it. Only an explicit <c>Acquire</c> copies it home.
    /// </summary>
    public bool IsTransient { get; internal set; }

    internal object Owner { get; }

    internal Replica[] Replicas { get; }

    /// <summary>Scratch buffers per worker slot (scratch handles only).</summary>
    internal Replica?[]? ScratchBuffers { get; set; }

    /// <summary>The last task that wrote the data (RAW and WAW edges come from it).</summary>
    internal ScheduledTask? LastWriter { get; set; }

    /// <summary>Tasks that read the data since <see cref="LastWriter"/> (WAR edges come from them).</summary>
    internal List<ScheduledTask> Readers { get; } = [];

    /// <summary>The reduction in progress: private copies not combined yet.</summary>
    internal ReductionPhase? Phase { get; set; }

    /// <summary>Simulation: the virtual time from which each node holds a valid copy (infinity: invalid).</summary>
    internal double[]? ValidFrom { get; set; }

    /// <summary>Formats as the name and size.</summary>
    public override string ToString() => $"'{Name}' ({Bytes} bytes)";
}
