using Oompa.Scheduler.Tasks;
using Oompa.Scheduler.Workers;

namespace Oompa.Scheduler.Policies;

/// <summary>Idle stealing between dm* queues.</summary>
internal sealed partial class DequeModelPolicy
{
    /// <summary>
    /// An idle worker with an empty queue takes, from another worker's queue, the most urgent task it would finish
    /// earlier than that worker would (placements are made early, on the predictions of that moment; this corrects
    /// them). Only the first <see cref="StealWindow"/> tasks of each queue are considered, and tasks placed to calibrate
    /// a model stay where they are.
    /// </summary>
    private ScheduledTask? Steal(WorkerSlot thief)
    {
        double now = Host.Now;
        ScheduledTask? best = null;
        WorkerSlot? victim = null;
        int bestImplementation = 0;
        double bestLength = 0, bestGain = 0;
        bool bestKnown = false;
        foreach (var other in Host.Slots)
        {
            if (ReferenceEquals(other, thief) || other.PolicyState is not TaskQueue queue || queue.Count == 0)
            {
                continue;
            }

            double end = Math.Max(now, other.RunningEnd);
            for (int i = 0; i < Math.Min(queue.Count, StealWindow); i++)
            {
                var task = queue[i];
                end += task.PredictedCost;
                var binding = task.Binding!;
                if (task.CalibrationEntry is not null || !binding.CanRun(thief) || (best is not null && TaskQueue.Before(best, task)))
                {
                    continue;
                }

                int implementation = 0;
                double length = double.PositiveInfinity;
                for (int k = 0; k < binding.BySlot[thief.Index].Length; k++)
                {
                    double predicted = Host.PredictLength(task, thief, k, out _);
                    if (predicted < length)
                    {
                        length = predicted;
                        implementation = k;
                    }
                }

                // Neither the thief nor the task's worker can predict it (a prediction of 0 s is still one).
                bool unmodeled = double.IsPositiveInfinity(length) && double.IsNaN(task.PredictedSeconds);
                double here = now + (dataAware ? Host.PredictTransfer(task, thief) : 0) + (unmodeled ? 0 : length);
                double gain = end - here;
                if (gain > 0 && (best is null || TaskQueue.Before(task, best) || gain > bestGain))
                {
                    best = task;
                    victim = other;
                    bestImplementation = implementation;
                    bestLength = unmodeled ? 0 : length;
                    bestKnown = !unmodeled;
                    bestGain = gain;
                    break;
                }
            }
        }

        if (best is null)
        {
            return null;
        }

        var victimQueue = (TaskQueue)victim!.PolicyState!;
        for (int i = 0; i < victimQueue.Count; i++)
        {
            if (ReferenceEquals(victimQueue[i], best))
            {
                victimQueue.RemoveAt(i);
                break;
            }
        }

        victim.Queued--;
        victim.QueuedPredicted = victim.Queued == 0 ? 0 : Math.Max(0, victim.QueuedPredicted - best.PredictedCost);
        best.Slot = thief;
        best.ImplementationIndex = bestImplementation;
        best.Implementation = best.Binding!.BySlot[thief.Index][bestImplementation];
        best.PredictedLength = bestLength;
        best.PredictedCost = bestLength;
        best.PredictedSeconds = bestKnown ? bestLength : double.NaN;
        return best;
    }
}
