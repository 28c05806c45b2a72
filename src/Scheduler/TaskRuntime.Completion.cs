using Oompa.Scheduler.Tasks;
using Oompa.Scheduler.Workers;

namespace Oompa.Scheduler;

/// <summary>Readiness, completion and the spreading of failures and cancellations.</summary>
public sealed partial class TaskRuntime
{
    /// <summary>A task whose dependencies are done: queue it, or cancel it.</summary>
    private void ReadyLocked(ScheduledTask task, WorkerSlot? releasedBy)
    {
        if (canceled || task.Token.IsCancellationRequested)
        {
            FinishLocked(task, ScheduledTaskStatus.Canceled, null, releasedBy);
            return;
        }

        task.Predecessors = null;
        task.SetStatus(ScheduledTaskStatus.Ready);
        policy.Push(task, releasedBy);
    }

    /// <summary>Finishes a task; a failure or cancellation spreads to every task that depends on it.</summary>
    private void FinishLocked(ScheduledTask first, ScheduledTaskStatus status, Exception? exception, WorkerSlot? releasedBy)
    {
        Stack<ScheduledTask>? spread = null;
        var task = first;
        while (true)
        {
            if (!task.IsFinished)
            {
                task.Finish(status, exception);
                outstanding--;
                if (task.CalibrationEntry is { } entry)
                {
                    Interlocked.Decrement(ref entry.Pending);
                    task.CalibrationEntry = null;
                }

                if (status == ScheduledTaskStatus.Canceled)
                {
                    canceledSinceSync++;
                }

                if (task.CombinePhase is { } phase)
                {
                    coherency.FreePrivates(phase);
                }

                if (task.Dependants is { } dependants)
                {
                    task.Dependants = null;
                    List<ScheduledTask>? ready = null;
                    foreach (var d in dependants)
                    {
                        if (d.IsFinished)
                        {
                            continue;
                        }

                        if (status != ScheduledTaskStatus.Completed)
                        {
                            (spread ??= new Stack<ScheduledTask>()).Push(d);
                        }
                        else if (--d.PendingDependencies == 0)
                        {
                            (ready ??= []).Add(d);
                        }
                    }

                    if (ready is not null)
                    {
                        Urgency.Order(ready);
                        foreach (var d in ready)
                        {
                            ReadyLocked(d, releasedBy);
                        }
                    }
                }
            }

            if (spread is null || spread.Count == 0)
            {
                break;
            }

            task = spread.Pop();
        }

        if (outstanding == 0 && drained is { } waiter)
        {
            drained = null;
            waiter.TrySetResult();
        }
    }

    private void WakeLocked(WorkerSlot slot)
    {
        if (slot.Sleeping)
        {
            slot.Sleeping = false;
            slot.Signal.Release();
        }
    }
}
