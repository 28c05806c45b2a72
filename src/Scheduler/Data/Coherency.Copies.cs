using Oompa.Scheduler.Tasks;

namespace Oompa.Scheduler.Data;

/// <summary>Copies: choosing sources, ordering them, predicting their cost, and applying their outcome.</summary>
internal sealed partial class Coherency
{
    private TaskCompletionSource? copiesDone;

    /// <summary>
    /// Orders a copy of the handle into its (allocated, invalid) replica on <paramref name="node"/>: from the host when
    /// it holds the data, else from a device, through the host when both ends are devices. The destination becomes a
    /// Shared replica with a pending fetch.
    /// </summary>
    public CopyOrder RequestCopy(DataHandle h, int node, List<CopyOrder> orders)
    {
        var destination = h.Replicas[node];
        Replica? source = null;
        if (node != 0 && h.Replicas[0].State != ReplicaState.Invalid)
        {
            source = h.Replicas[0];
        }
        else
        {
            foreach (var q in h.Replicas)
            {
                if (q.NodeIndex != node && q.State != ReplicaState.Invalid && (source is null || (source.Fetch is not null && q.Fetch is null)))
                {
                    source = q;
                }
            }

            if (source is null)
            {
                throw new InvalidOperationException($"Handle {h} has no valid copy on any node: the runtime lost track of its data.");
            }

            if (node != 0 && source.NodeIndex != 0)
            {
                RequestCopy(h, 0, orders);
                source = h.Replicas[0];
            }
        }

        // A copy still in flight into the destination is stale (a write elsewhere invalidated it): the new one must
        // land after it, whatever its outcome.
        var after = source.Fetch?.Task;
        if (destination.Fetch is { } stale)
        {
            var settled = Settled(stale.Task);
            after = after is null ? settled : Task.WhenAll(after, settled);
        }

        var order = new CopyOrder(source, destination, source.Physical!, destination.Physical!, after);
        destination.Fetch = order.Done;
        if (destination.State == ReplicaState.Invalid)
        {
            destination.State = ReplicaState.Shared;
        }

        source.Pins++;
        destination.Pins++;
        CopiesInFlight++;
        Normalize(h);
        orders.Add(order);
        return order;
    }

    /// <summary>Applies the outcome of a copy: the destination is valid unless the copy failed or went stale.</summary>
    public void CopyFinished(CopyOrder order, bool succeeded)
    {
        var destination = order.Destination;
        order.Source.Pins--;
        destination.Pins--;
        if (ReferenceEquals(destination.Fetch, order.Done))
        {
            destination.Fetch = null;
        }

        if (!succeeded && destination.Generation == order.Generation)
        {
            destination.State = ReplicaState.Invalid;
        }

        Normalize(destination.Handle);
        if (succeeded)
        {
            LinkBytes[order.Source.NodeIndex, destination.NodeIndex] += order.Bytes;
            LinkCopies[order.Source.NodeIndex, destination.NodeIndex]++;
        }

        Signal(destination.NodeIndex);
        Signal(order.Source.NodeIndex);
        if (--CopiesInFlight == 0 && copiesDone is { } done)
        {
            copiesDone = null;
            done.TrySetResult();
        }
    }

    /// <summary>Completes (successfully) when <paramref name="copy"/> has ended, whether it succeeded or not.</summary>
    private static Task Settled(Task copy) =>
        copy.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    /// <summary>Copies ordered and not finished (prefetches included).</summary>
    public int CopiesInFlight { get; private set; }

    /// <summary>
    /// Completes when no copy is in flight. Buffers are freed only after this: a prefetch whose task ran elsewhere may
    /// still be writing into a replica or reading from the home memory.
    /// </summary>
    public Task CopiesDone() => CopiesInFlight == 0
        ? Task.CompletedTask
        : (copiesDone ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>Starts moving the task's inputs to <paramref name="node"/> where there is room without waiting.</summary>
    public void Prefetch(ScheduledTask task, int node, List<CopyOrder> orders)
    {
        foreach (var (h, mode) in task.AccessArray)
        {
            if (mode is not (AccessMode.Read or AccessMode.ReadWrite))
            {
                continue;
            }

            var r = h.Replicas[node];
            if (r.State != ReplicaState.Invalid)
            {
                continue;
            }

            if (!r.IsAllocated)
            {
                if (!TryRoom(node, h.Bytes, task))
                {
                    continue;
                }

                try
                {
                    Allocate(r);
                }
                catch (Exception e) when (e is OutOfMemoryException or InvalidOperationException or ArgumentException)
                {
                    // Prefetch is a hint: the worker allocates (and reports a failure) when the task runs.
                    continue;
                }
            }

            RequestCopy(h, node, orders);
        }
    }

    /// <summary>Predicted seconds to bring the task's inputs to <paramref name="node"/> (copies under way count as free).</summary>
    public double PredictTransfer(ScheduledTask task, int node)
    {
        double seconds = 0;
        foreach (var (h, mode) in task.AccessArray)
        {
            if (mode is not (AccessMode.Read or AccessMode.ReadWrite))
            {
                continue;
            }

            if (h.Replicas[node].State != ReplicaState.Invalid)
            {
                continue;
            }

            if (node != 0 && h.Replicas[0].State != ReplicaState.Invalid)
            {
                seconds += Costs[0, node].Seconds(h.Bytes);
                continue;
            }

            foreach (var q in h.Replicas)
            {
                if (q.State != ReplicaState.Invalid)
                {
                    seconds += Costs[q.NodeIndex, 0].Seconds(h.Bytes) + (node == 0 ? 0 : Costs[0, node].Seconds(h.Bytes));
                    break;
                }
            }
        }

        return seconds;
    }

    /// <summary>Whether every input of the task is valid on <paramref name="node"/> now.</summary>
    public static bool IsLocal(ScheduledTask task, int node)
    {
        foreach (var (h, mode) in task.AccessArray)
        {
            if (mode is (AccessMode.Read or AccessMode.ReadWrite) && !h.Replicas[node].IsReady)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Hands the data back to its owner: after a write-back the home copy becomes the only valid one (device replicas
    /// stay allocated but invalid), so host code may change it until the next task uses the handle.
    /// </summary>
    public static void MakeHomeOwner(DataHandle h)
    {
        var home = h.Replicas[0];
        if (h.IsScratch || !home.IsReady)
        {
            return;
        }

        WriteTransition(h, 0);
    }

    /// <summary>Makes the host (home) copy valid: orders a copy when it is not, and lists what to wait for.</summary>
    public void WriteBack(DataHandle h, List<CopyOrder> orders, List<Task> waits)
    {
        var home = h.Replicas[0];
        if (h.IsScratch || !home.IsAllocated || home.IsReady)
        {
            return;
        }

        if (home.Fetch is null || home.State == ReplicaState.Invalid)
        {
            RequestCopy(h, 0, orders);
        }

        waits.Add(home.Fetch!.Task);
    }
}
