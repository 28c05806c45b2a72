using Oompa.Scheduler.Policies;
using Oompa.Scheduler.Tasks;
using Oompa.Scheduler.Workers;

namespace Oompa.Scheduler;

/// <summary>What the policy may ask of the real runtime (always under its lock).</summary>
public sealed partial class TaskRuntime
{
    private sealed class Host(TaskRuntime runtime) : ISchedulerHost
    {
        public double Now => runtime.Now;

        public IReadOnlyList<WorkerSlot> Slots => runtime.slots;

        public double PredictLength(ScheduledTask task, WorkerSlot slot, int implementation, out bool calibrate)
        {
            var model = task.Binding!.Models[slot.Index][implementation];
            if (model is null)
            {
                calibrate = false;
                return double.NaN;
            }

            return model.Placement(task.Footprint, task.Size, runtime.Now, out calibrate);
        }

        public double Estimate(ScheduledTask task)
        {
            double best = double.NaN;
            foreach (var model in task.Binding!.DistinctModels)
            {
                double seconds = model.Predict(task.Footprint, task.Size);
                if (!double.IsNaN(seconds) && !(seconds >= best))
                {
                    best = seconds;
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

        public double PredictTransfer(ScheduledTask task, WorkerSlot slot) => runtime.coherency.PredictTransfer(task, slot.NodeIndex);

        public bool IsDataLocal(ScheduledTask task, WorkerSlot slot) => Data.Coherency.IsLocal(task, slot.NodeIndex);

        public void Prefetch(ScheduledTask task, WorkerSlot slot) => runtime.coherency.Prefetch(task, slot.NodeIndex, runtime.deferred);

        public void Wake(WorkerSlot slot) => runtime.WakeLocked(slot);

        public void WakeAny(ScheduledTask task)
        {
            foreach (var slot in runtime.slots)
            {
                if (slot.Sleeping && task.Binding!.CanRun(slot))
                {
                    runtime.WakeLocked(slot);
                    return;
                }
            }
        }
    }
}
