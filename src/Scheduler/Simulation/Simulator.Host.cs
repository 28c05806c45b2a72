using Oompa.Scheduler.Data;
using Oompa.Scheduler.Policies;
using Oompa.Scheduler.Tasks;
using Oompa.Scheduler.Workers;

namespace Oompa.Scheduler.Simulation;

/// <summary>What the policy may ask of the simulation.</summary>
public sealed partial class Simulator
{
    private sealed class Host(Simulator simulation) : ISchedulerHost
    {
        public double Now => simulation.now;

        public IReadOnlyList<WorkerSlot> Slots => simulation.slots;

        public double PredictLength(ScheduledTask task, WorkerSlot slot, int implementation, out bool calibrate)
        {
            var chosen = task.Binding!.BySlot[slot.Index][implementation];
            calibrate = false;
            if (simulation.model is null)
            {
                return simulation.Duration(task, slot, chosen);
            }

            var model = task.Binding.Models[slot.Index][implementation];
            if (model is null)
            {
                return double.NaN;
            }

            return model.Placement(task.Footprint, task.Size, simulation.now, out calibrate);
        }

        public double Estimate(ScheduledTask task)
        {
            double best = double.NaN;
            foreach (var slot in simulation.slots)
            {
                for (int i = 0; i < task.Binding!.BySlot[slot.Index].Length; i++)
                {
                    double seconds = PredictLength(task, slot, i, out _);
                    if (!double.IsNaN(seconds) && !(seconds >= best))
                    {
                        best = seconds;
                    }
                }
            }

            return best;
        }

        public void BeginCalibration(ScheduledTask task, WorkerSlot slot, int implementation, double seconds)
        {
            if (task.Binding!.Models[slot.Index][implementation] is { } model)
            {
                task.CalibrationEntry = model.BeginCalibration(task.Footprint, task.Size, seconds);
            }
        }

        public double PredictTransfer(ScheduledTask task, WorkerSlot slot)
        {
            double seconds = 0;
            int node = slot.NodeIndex;
            foreach (var (h, mode) in task.AccessArray)
            {
                if (mode is not (AccessMode.Read or AccessMode.ReadWrite))
                {
                    continue;
                }

                var valid = h.ValidFrom!;
                if (double.IsFinite(valid[node]))
                {
                    seconds += Math.Max(0, valid[node] - simulation.now);
                }
                else if (node != 0 && double.IsFinite(valid[0]))
                {
                    seconds += simulation.TransferSeconds(0, node, h.Bytes);
                }
                else
                {
                    int source = Array.FindIndex(valid, double.IsFinite);
                    seconds += simulation.TransferSeconds(source, 0, h.Bytes) + simulation.TransferSeconds(0, node, h.Bytes);
                }
            }

            return seconds;
        }

        public bool IsDataLocal(ScheduledTask task, WorkerSlot slot)
        {
            foreach (var (h, mode) in task.AccessArray)
            {
                if (mode is (AccessMode.Read or AccessMode.ReadWrite) && !(h.ValidFrom![slot.NodeIndex] <= simulation.now))
                {
                    return false;
                }
            }

            return true;
        }

        public void Prefetch(ScheduledTask task, WorkerSlot slot)
        {
            foreach (var (h, mode) in task.AccessArray)
            {
                if (mode is AccessMode.Read or AccessMode.ReadWrite)
                {
                    simulation.EnsureOn(h, slot.NodeIndex);
                }
            }
        }

        public void Wake(WorkerSlot slot)
        {
            // Idle simulated workers ask for work after every event.
        }

        public void WakeAny(ScheduledTask task)
        {
            // Same as Wake.
        }
    }
}
