using System.Diagnostics;
using Oompa.Scheduler.Data;
using Oompa.Scheduler.Tasks;
using Oompa.Scheduler.Workers;

namespace Oompa.Scheduler;

/// <summary>Acquiring a task's data on its worker's node before it runs.</summary>
public sealed partial class TaskRuntime
{
    /// <summary>Makes room, pins the task's data on the slot's node, waits for its copies and prepares reduction copies.</summary>
    private void AcquireData(ScheduledTask task, WorkerSlot slot, TaskContext context, List<CopyOrder> orders, List<Task> waits, List<Replica> inits)
    {
        long start = Stopwatch.GetTimestamp();
        while (true)
        {
            RoomDecision room;
            Exception? failure = null;
            lock (gate)
            {
                room = coherency.PrepareRoom(task, slot, orders);
                if (room.Fits)
                {
                    try
                    {
                        coherency.Acquire(task, slot, context, orders, waits, inits);
                    }
                    catch (Exception e)
                    {
                        // An allocation failed part way: what was acquired is released at the end of the task, and
                        // the copies already ordered still run so that no replica waits for them forever.
                        failure = e;
                    }
                }
            }

            StartCopies(orders);
            orders.Clear();
            if (failure is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
            }

            if (room.Fits)
            {
                break;
            }

            if (room.Failure is { } why)
            {
                throw new InvalidOperationException(why);
            }

            try
            {
                room.WaitFor!.Wait();
            }
            catch (AggregateException)
            {
                // A failed copy or write-back: the next attempt sees the new state and decides again.
            }
        }

        if (waits.Count > 0)
        {
            try
            {
                Task.WaitAll(waits);
            }
            catch (AggregateException e) when (e.InnerExceptions.Count > 0)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
            }
        }

        foreach (var r in inits)
        {
            InitPrivate(r);
        }

        slot.WaitSeconds += Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    /// <summary>Sets a reduction's private copy to the identity: on the host directly, for a device through a host buffer.</summary>
    private void InitPrivate(Replica r)
    {
        var reduction = r.Handle.Reduction!;
        if (r.NodeIndex == 0)
        {
            reduction.Init(r.View!);
            return;
        }

        using var temporary = providers[0].Allocate(r.Handle.Bytes);
        var host = temporary.Describe(r.Physical!.Type);
        reduction.Init(PayloadViews.WithPhysical(r.View!, host));
        providers[r.NodeIndex].CopyAsync(host, r.Physical, r.Handle.Bytes).GetAwaiter().GetResult();
    }
}
