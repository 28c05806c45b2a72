using Oompa.Core.Data;
using Oompa.Scheduler.Data;
using Oompa.Scheduler.Tasks;
using Oompa.Scheduler.Tracing;
using Oompa.Scheduler.Workers;

namespace Oompa.Scheduler.Simulation;

/// <summary>The event loop.</summary>
public sealed partial class Simulator
{
    /// <summary>Plays every submitted task on the virtual clock and reports the schedule.</summary>
    /// <exception cref="InvalidOperationException">Already run, or a speed function misbehaved.</exception>
    public SimulationResult Run()
    {
        lock (gate)
        {
            if (ran)
            {
                throw new InvalidOperationException("The simulation has already run; create a new Simulator.");
            }

            ran = true;
            // Tasks are placed when the whole graph is known (the runtime places them as they are submitted).
            var initial = tasks.Where(t => t.PendingDependencies == 0).ToList();
            Urgency.Order(initial);
            foreach (var task in initial)
            {
                task.SetStatus(ScheduledTaskStatus.Ready);
                policy.Push(task, null);
            }

            Dispatch();
            while (events.TryDequeue(out var ended, out var key))
            {
                now = key.Time;
                Complete(ended.Task, ended.Slot);
                Dispatch();
            }

            var stuck = tasks.Count(t => !t.IsFinished);
            if (stuck > 0)
            {
                throw new InvalidOperationException($"The simulation stopped with {stuck} tasks unfinished.");
            }

            return new SimulationResult(now, Summary(), options.Trace ? trace : null, tasks);
        }
    }

    private void Dispatch()
    {
        foreach (var slot in slots)
        {
            if (!slot.Busy && policy.Pop(slot) is { } task)
            {
                Start(task, slot);
            }
        }
    }

    private void Start(ScheduledTask task, WorkerSlot slot)
    {
        var binding = task.Binding!;
        if (!ReferenceEquals(task.Slot, slot) || task.Implementation is null)
        {
            int best = 0;
            double bestSeconds = double.NaN;
            for (int i = 0; i < binding.BySlot[slot.Index].Length; i++)
            {
                double seconds = new Host(this).PredictLength(task, slot, i, out _);
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

        task.Slot = slot;
        task.SetStatus(ScheduledTaskStatus.Running);
        slot.Busy = true;
        policy.OnStarted(task, slot);
        double ready = now;
        foreach (var (h, mode) in task.AccessArray)
        {
            if (mode is AccessMode.Read or AccessMode.ReadWrite)
            {
                ready = Math.Max(ready, EnsureOn(h, slot.NodeIndex));
            }
        }

        double duration = Duration(task, slot, task.Implementation);
        task.StartTime = ready;
        task.EndTime = ready + duration;
        task.MeasuredSeconds = duration;
        events.Enqueue((task, slot), (task.EndTime, sequence++));
    }

    private void Complete(ScheduledTask task, WorkerSlot slot)
    {
        slot.Busy = false;
        slot.BusySeconds += task.MeasuredSeconds;
        slot.TasksRun++;
        policy.OnFinished(task, slot);
        foreach (var (h, mode) in task.AccessArray)
        {
            if (mode is AccessMode.Write or AccessMode.ReadWrite)
            {
                Array.Fill(h.ValidFrom!, double.PositiveInfinity);
                h.ValidFrom![slot.NodeIndex] = now;
            }
        }

        task.Binding!.Models[slot.Index][task.ImplementationIndex]?.Record(task.Footprint, task.Size, task.MeasuredSeconds);
        if (task.CalibrationEntry is { } entry)
        {
            entry.Pending--;
            task.CalibrationEntry = null;
        }

        trace.Ran(new TaskSpan(task.Id, task.Name, slot.Index, task.Implementation!.Name, task.StartTime, task.EndTime, task.PredictedSeconds, ScheduledTaskStatus.Completed));
        task.Finish(ScheduledTaskStatus.Completed, null);
        if (task.Dependants is { } dependants)
        {
            task.Dependants = null;
            var ready = dependants.Where(d => --d.PendingDependencies == 0).ToList();
            Urgency.Order(ready);
            foreach (var d in ready)
            {
                d.Predecessors = null;
                d.SetStatus(ScheduledTaskStatus.Ready);
                policy.Push(d, slot);
            }
        }
    }

    /// <summary>When the handle is valid on the node, ordering the copies it needs (through the host between devices).</summary>
    private double EnsureOn(DataHandle h, int node)
    {
        var valid = h.ValidFrom!;
        if (double.IsFinite(valid[node]))
        {
            return valid[node];
        }

        int source = 0;
        if (node == 0 || !double.IsFinite(valid[0]))
        {
            source = -1;
            for (int i = 0; i < valid.Length; i++)
            {
                if (i != node && double.IsFinite(valid[i]) && (source < 0 || valid[i] < valid[source]))
                {
                    source = i;
                }
            }

            if (source < 0)
            {
                throw new InvalidOperationException($"Handle {h} has no valid copy in the simulation.");
            }

            if (node != 0 && source != 0)
            {
                Copy(h, source, 0);
                source = 0;
            }
        }

        return Copy(h, source, node);
    }

    private double Copy(DataHandle h, int from, int to)
    {
        double start = Math.Max(Math.Max(now, h.ValidFrom![from]), linkFree[from, to]);
        double end = start + TransferSeconds(from, to, h.Bytes);
        linkFree[from, to] = end;
        linkBytes[from, to] += h.Bytes;
        linkCopies[from, to]++;
        h.ValidFrom[to] = end;
        trace.Moved(new TransferSpan(h.Name, from, to, h.Bytes, start, end));
        return end;
    }

    private RuntimeSummary Summary()
    {
        var links = new List<LinkSummary>();
        for (int f = 0; f < nodes.Count; f++)
        {
            for (int t = 0; t < nodes.Count; t++)
            {
                if (linkCopies[f, t] > 0)
                {
                    links.Add(new LinkSummary(nodes[f].ToString(), nodes[t].ToString(), linkBytes[f, t], linkCopies[f, t]));
                }
            }
        }

        var predicted = tasks.Where(t => double.IsFinite(t.PredictedSeconds) && t.MeasuredSeconds > 0).ToList();
        return new RuntimeSummary(
            now,
            [.. slots.Select(s => new WorkerSummary(s.Name, s.TasksRun, s.BusySeconds, now > 0 ? s.BusySeconds / now : 0))],
            links,
            tasks.Count,
            predicted.Count,
            predicted.Count > 0 ? predicted.Average(t => Math.Abs(t.PredictedSeconds - t.MeasuredSeconds) / t.MeasuredSeconds) : double.NaN);
    }
}
