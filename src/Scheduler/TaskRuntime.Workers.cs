using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Oompa.Scheduler.Data;
using Oompa.Scheduler.Tasks;
using Oompa.Scheduler.Tracing;
using Oompa.Scheduler.Workers;

namespace Oompa.Scheduler;

/// <summary>Worker threads: take a task, acquire its data, run it, release its dependants.</summary>
public sealed partial class TaskRuntime
{
    private void WorkerLoop(WorkerSlot slot)
    {
        ScheduledTask? done = null;
        Exception? error = null;
        var orders = new List<CopyOrder>();
        var waits = new List<Task>();
        var inits = new List<Replica>();
        while (true)
        {
            ScheduledTask? task;
            CopyOrder[]? batch;
            lock (gate)
            {
                if (done is not null)
                {
                    EndLocked(done, slot, error);
                    done = null;
                    error = null;
                }

                task = NextLocked(slot);
                if (task is null)
                {
                    if (stopping)
                    {
                        return;
                    }

                    slot.Sleeping = true;
                }

                batch = TakeDeferredLocked();
            }

            StartCopies(batch);
            if (task is null)
            {
                slot.Signal.Wait();
                continue;
            }

            error = Execute(task, slot, orders, waits, inits);
            done = task;
        }
    }

    /// <summary>The next task for the slot; cancelled tasks are finished on the way.</summary>
    private ScheduledTask? NextLocked(WorkerSlot slot)
    {
        while (policy.Pop(slot) is { } task)
        {
            if (canceled || task.Token.IsCancellationRequested)
            {
                FinishLocked(task, ScheduledTaskStatus.Canceled, null, null);
                continue;
            }

            if (!ReferenceEquals(task.Slot, slot) || task.Implementation is null)
            {
                ChooseImplementation(task, slot);
            }

            task.Slot = slot;
            task.SetStatus(ScheduledTaskStatus.Running);
            slot.Busy = true;
            slot.Current = task;
            policy.OnStarted(task, slot);
            return task;
        }

        return null;
    }

    /// <summary>For late-binding policies: the implementation the model predicts fastest, else the first.</summary>
    private static void ChooseImplementation(ScheduledTask task, WorkerSlot slot)
    {
        var binding = task.Binding!;
        var models = binding.Models[slot.Index];
        int best = 0;
        double bestSeconds = double.NaN;
        for (int i = 0; i < models.Length; i++)
        {
            double seconds = models[i]?.Predict(task.Footprint, task.Size) ?? double.NaN;
            if (!double.IsNaN(seconds) && !(seconds >= bestSeconds))
            {
                best = i;
                bestSeconds = seconds;
            }
        }

        task.ImplementationIndex = best;
        task.Implementation = binding.BySlot[slot.Index][best];
        task.PredictedSeconds = bestSeconds;
    }

    private Exception? Execute(ScheduledTask task, WorkerSlot slot, List<CopyOrder> orders, List<Task> waits, List<Replica> inits)
    {
        var context = slot.Context!;
        context.Begin(task, options.CancellationToken);
        try
        {
            if (task.AccessArray.Length > 0)
            {
                AcquireData(task, slot, context, orders, waits, inits);
            }

            task.StartTime = Now;
            long start = Stopwatch.GetTimestamp();
            slot.Worker!.Run(task.Implementation!, context);
            task.MeasuredSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            task.EndTime = task.StartTime + task.MeasuredSeconds;
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
        finally
        {
            context.End();
            orders.Clear();
            waits.Clear();
            inits.Clear();
        }
    }

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

    /// <summary>After a run: release the data, learn from the time, finish the task (or fault it).</summary>
    private void EndLocked(ScheduledTask task, WorkerSlot slot, Exception? error)
    {
        slot.Busy = false;
        slot.Current = null;
        if (task.AcquiredAccesses > 0)
        {
            coherency.Release(task, slot);
        }

        policy.OnFinished(task, slot);
        if (error is null)
        {
            double seconds = task.MeasuredSeconds;
            slot.BusySeconds += seconds;
            slot.TasksRun++;
            completed++;
            task.Binding!.Models[slot.Index][task.ImplementationIndex]?.Record(task.Footprint, task.Size, seconds);
            if (double.IsFinite(task.PredictedSeconds) && seconds > 0)
            {
                predicted++;
                predictionError += Math.Abs(task.PredictedSeconds - seconds) / seconds;
            }

            Trace?.Ran(new TaskSpan(task.Id, task.Name, slot.Index, task.Implementation!.Name, task.StartTime, task.EndTime, task.PredictedSeconds, ScheduledTaskStatus.Completed));
            FinishLocked(task, ScheduledTaskStatus.Completed, null, slot);
            return;
        }

        if (error is OperationCanceledException && options.CancellationToken.IsCancellationRequested)
        {
            FinishLocked(task, ScheduledTaskStatus.Canceled, null, slot);
            return;
        }

        logger.LogDebug(error, "Task {Task} failed on {Worker}", task, slot.Name);
        failures.Add(error);
        Trace?.Ran(new TaskSpan(task.Id, task.Name, slot.Index, task.Implementation?.Name ?? "?", task.StartTime, Now, task.PredictedSeconds, ScheduledTaskStatus.Faulted));
        FinishLocked(task, ScheduledTaskStatus.Faulted, error, slot);
    }

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
