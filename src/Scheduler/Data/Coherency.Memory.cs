using System.Globalization;
using Oompa.Scheduler.Tasks;
using Oompa.Scheduler.Workers;

namespace Oompa.Scheduler.Data;

/// <summary>Allocation, memory limits and LRU eviction of clean replicas; the last valid copy is never evicted.</summary>
internal sealed partial class Coherency
{
    /// <summary>Frees every buffer of a handle (after its tasks and copies have finished).</summary>
    public void FreeAll(DataHandle h)
    {
        foreach (var r in h.Replicas)
        {
            if (r.Block is not null)
            {
                allocated[r.NodeIndex].Remove(r);
                Free(r);
            }
        }

        if (h.ScratchBuffers is { } scratch)
        {
            for (int i = 0; i < scratch.Length; i++)
            {
                if (scratch[i] is { } s)
                {
                    Free(s);
                    scratch[i] = null;
                }
            }
        }
    }

    /// <summary>Frees the private copies of a finished reduction phase.</summary>
    public void FreePrivates(ReductionPhase phase)
    {
        for (int i = 0; i < phase.Privates.Length; i++)
        {
            if (phase.Privates[i] is { } p)
            {
                Free(p);
                phase.Privates[i] = null;
            }
        }
    }

    /// <summary>A task that completes when a buffer on <paramref name="node"/> is unpinned or freed.</summary>
    public Task Released(int node) => (released[node] ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    private void Allocate(Replica r)
    {
        var h = r.Handle;
        var block = providers[r.NodeIndex].Allocate(h.Bytes);
        r.Attach(block.Describe(h.Payload?.Physical.Type ?? Core.Data.DataType.Byte), block);
        Account(r.NodeIndex, h.Bytes);
        allocated[r.NodeIndex].Add(r);
    }

    private Replica NewBuffer(DataHandle h, int node)
    {
        var r = new Replica(h, node);
        var block = providers[node].Allocate(h.Bytes);
        r.Attach(block.Describe(h.Payload?.Physical.Type ?? Core.Data.DataType.Byte), block);
        Account(node, h.Bytes);
        return r;
    }

    private Replica NewPrivate(ReductionPhase phase, DataHandle h, WorkerSlot slot, int node, List<Replica> inits)
    {
        var r = NewBuffer(h, node);
        phase.Privates[slot.Index] = r;
        inits.Add(r);
        return r;
    }

    private void Account(int node, long bytes)
    {
        used[node] += bytes;
        peak[node] = Math.Max(peak[node], used[node]);
    }

    private void Free(Replica r)
    {
        used[r.NodeIndex] -= r.Handle.Bytes;
        r.Detach();
        Signal(r.NodeIndex);
    }

    private RoomDecision MakeRoom(int node, long need, ScheduledTask task, List<CopyOrder> orders)
    {
        long limit = providers[node].MemoryLimit;
        if (TryRoom(node, need, task))
        {
            return RoomDecision.Ok;
        }

        // No clean replica left to evict: write the least recently used dirty one back to the host, then retry.
        Replica? dirty = null;
        foreach (var r in allocated[node])
        {
            if (r.Pins == 0 && r.Fetch is null && r.State != ReplicaState.Invalid && !Uses(task, r.Handle)
                && r.Handle.Replicas[0].IsAllocated && (dirty is null || r.LastUse < dirty.LastUse))
            {
                dirty = r;
            }
        }

        if (dirty is not null)
        {
            var home = dirty.Handle.Replicas[0];
            return RoomDecision.Wait(home is { Fetch: { } fetch, State: not ReplicaState.Invalid } ? fetch.Task : RequestCopy(dirty.Handle, 0, orders).Done.Task);
        }

        foreach (var r in allocated[node])
        {
            if (r.Fetch is not null)
            {
                return RoomDecision.Wait(r.Fetch.Task);
            }

            if (r.Pins > 0 && !Uses(task, r.Handle))
            {
                return RoomDecision.Wait(Released(node));
            }
        }

        return RoomDecision.Fail(string.Create(CultureInfo.InvariantCulture,
            $"memory node {providers[node].Node} cannot hold the {need} bytes task {task} needs: its limit is {limit} bytes and {used[node]} are in use by buffers that cannot be evicted (pinned, scratch or reduction copies)."));
    }

    /// <summary>Evicts clean replicas, least recently used first, until <paramref name="need"/> more bytes fit.</summary>
    private bool TryRoom(int node, long need, ScheduledTask task)
    {
        long limit = providers[node].MemoryLimit;
        while (used[node] + need > limit)
        {
            Replica? victim = null;
            foreach (var r in allocated[node])
            {
                if (Evictable(r) && !Uses(task, r.Handle) && (victim is null || r.LastUse < victim.LastUse))
                {
                    victim = r;
                }
            }

            if (victim is null)
            {
                return false;
            }

            allocated[node].Remove(victim);
            Free(victim);
            Normalize(victim.Handle);
        }

        return true;
    }

    /// <summary>Unused, not being filled, and either invalid or not the last ready copy.</summary>
    private static bool Evictable(Replica r)
    {
        if (r.Pins > 0 || r.Fetch is not null)
        {
            return false;
        }

        if (r.State == ReplicaState.Invalid)
        {
            return true;
        }

        foreach (var q in r.Handle.Replicas)
        {
            if (!ReferenceEquals(q, r) && q.IsReady)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Uses(ScheduledTask task, DataHandle h)
    {
        foreach (var a in task.AccessArray)
        {
            if (ReferenceEquals(a.Handle, h))
            {
                return true;
            }
        }

        return false;
    }
}
