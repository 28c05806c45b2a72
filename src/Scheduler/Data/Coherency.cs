using Oompa.Core.Data;
using Oompa.Scheduler.Nodes;
using Oompa.Scheduler.Tasks;
using Oompa.Scheduler.Workers;

namespace Oompa.Scheduler.Data;

/// <summary>
/// MSI coherency of data handles over memory nodes (index 0 is the host): reads replicate, writes invalidate, copies
/// are ordered here and run outside the runtime's lock. Every member is called under the runtime's lock.
/// </summary>
internal sealed partial class Coherency
{
    private readonly IMemoryNodeProvider[] providers;
    private readonly long[] used;
    private readonly long[] peak;
    private readonly List<Replica>[] allocated;
    private readonly TaskCompletionSource?[] released;
    private long clock;

    public Coherency(IMemoryNodeProvider[] providers, LinkCost[,] costs)
    {
        this.providers = providers;
        Costs = costs;
        used = new long[providers.Length];
        peak = new long[providers.Length];
        allocated = new List<Replica>[providers.Length];
        released = new TaskCompletionSource?[providers.Length];
        LinkBytes = new long[providers.Length, providers.Length];
        LinkCopies = new long[providers.Length, providers.Length];
        for (int i = 0; i < providers.Length; i++)
        {
            allocated[i] = [];
        }
    }

    /// <summary>Predicted cost of each directed link between nodes (device to device goes through the host).</summary>
    public LinkCost[,] Costs { get; }

    /// <summary>Bytes copied per directed link.</summary>
    public long[,] LinkBytes { get; }

    /// <summary>Copies per directed link.</summary>
    public long[,] LinkCopies { get; }

    public IMemoryNodeProvider Provider(int node) => providers[node];

    public long Used(int node) => used[node];

    public long Peak(int node) => peak[node];

    /// <summary>
    /// Makes room on the slot's node for every buffer the task still needs there. Nothing is acquired yet; on a wait
    /// the caller waits outside the lock and asks again.
    /// </summary>
    public RoomDecision PrepareRoom(ScheduledTask task, WorkerSlot slot, List<CopyOrder> orders)
    {
        int node = slot.NodeIndex;
        long need = 0;
        var accesses = task.AccessArray;
        for (int i = 0; i < accesses.Length; i++)
        {
            var h = accesses[i].Handle;
            bool missing = accesses[i].Mode switch
            {
                AccessMode.Scratch => h.ScratchBuffers![slot.Index] is null,
                AccessMode.Reduction => task.Phases![i]!.Privates[slot.Index] is null,
                _ => !h.Replicas[node].IsAllocated,
            };
            if (missing)
            {
                need += h.Bytes;
            }
        }

        return need == 0 ? RoomDecision.Ok : MakeRoom(node, need, task, orders);
    }

    /// <summary>
    /// Acquires the task's data on the slot's node: allocates, orders the copies (into <paramref name="orders"/>),
    /// applies write invalidations, pins every buffer, and gives the context one payload per access. The task may run
    /// once every task in <paramref name="waits"/> has completed and the private copies in <paramref name="inits"/>
    /// have been initialised.
    /// </summary>
    public void Acquire(ScheduledTask task, WorkerSlot slot, TaskContext? context, List<CopyOrder> orders, List<Task> waits, List<Replica> inits)
    {
        int node = slot.NodeIndex;
        var accesses = task.AccessArray;
        for (int i = 0; i < accesses.Length; i++)
        {
            var (h, mode) = accesses[i];
            Replica r;
            switch (mode)
            {
                case AccessMode.Scratch:
                    r = h.ScratchBuffers![slot.Index] ??= NewBuffer(h, node);
                    break;
                case AccessMode.Reduction:
                    var phase = task.Phases![i]!;
                    r = phase.Privates[slot.Index] ?? NewPrivate(phase, h, slot, node, inits);
                    break;
                default:
                    r = h.Replicas[node];
                    if (!r.IsAllocated)
                    {
                        Allocate(r);
                    }

                    // An invalid replica may still have a copy in flight: a write elsewhere made it stale (a
                    // prefetch for a task that then ran on another node). A reader needs a fresh copy, which runs
                    // after the stale one; a writer waits for the stale one so that it cannot land on its result.
                    if (mode != AccessMode.Write && r.State == ReplicaState.Invalid)
                    {
                        RequestCopy(h, node, orders);
                    }

                    if (r.Fetch is not null)
                    {
                        waits.Add(r.Fetch.Task);
                    }

                    if (mode != AccessMode.Read)
                    {
                        WriteTransition(h, node);
                    }

                    break;
            }

            r.Pins++;
            r.LastUse = ++clock;
            task.AcquiredAccesses = i + 1;
            context?.SetPayload(i, r.View);
        }
    }

    /// <summary>Unpins what <see cref="Acquire"/> pinned.</summary>
    public void Release(ScheduledTask task, WorkerSlot slot)
    {
        int node = slot.NodeIndex;
        var accesses = task.AccessArray;
        for (int i = 0; i < task.AcquiredAccesses; i++)
        {
            var (h, mode) = accesses[i];
            var r = mode switch
            {
                AccessMode.Scratch => h.ScratchBuffers![slot.Index],
                AccessMode.Reduction => task.Phases![i]!.Privates[slot.Index],
                _ => h.Replicas[node],
            };
            if (r is not null)
            {
                r.Pins--;
                r.LastUse = ++clock;
            }
        }

        task.AcquiredAccesses = 0;
        Signal(node);
    }

    /// <summary>The MSI state of a handle on a node.</summary>
    public static ReplicaState StateOf(DataHandle handle, int node) => handle.Replicas[node].State;

    /// <summary>Makes every replica but the one on <paramref name="node"/> invalid and that one the owner.</summary>
    private static void WriteTransition(DataHandle h, int node)
    {
        foreach (var q in h.Replicas)
        {
            if (q.NodeIndex != node && (q.State != ReplicaState.Invalid || q.Fetch is not null))
            {
                q.State = ReplicaState.Invalid;
                q.Generation++;
            }
        }

        h.Replicas[node].State = ReplicaState.Modified;
    }

    /// <summary>One valid copy is the owner (Modified); several are Shared.</summary>
    private static void Normalize(DataHandle h)
    {
        int valid = 0;
        foreach (var q in h.Replicas)
        {
            if (q.State != ReplicaState.Invalid)
            {
                valid++;
            }
        }

        foreach (var q in h.Replicas)
        {
            if (q.State != ReplicaState.Invalid)
            {
                q.State = valid == 1 ? ReplicaState.Modified : ReplicaState.Shared;
            }
        }
    }

    private void Signal(int node)
    {
        var signal = released[node];
        if (signal is not null)
        {
            released[node] = null;
            signal.TrySetResult();
        }
    }
}
