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


}
