using Oompa.Scheduler.Tasks;
using Oompa.Scheduler.Workers;

namespace Oompa.Scheduler.Policies;

/// <summary>
/// The <c>dm</c> family (StarPU's deque-model policies): when a task becomes ready it is placed at once on the worker
/// and implementation that minimise fitness = α·(end − best end) + β·transfer, with end = max(queue end, now + transfer)
/// + predicted length, and its inputs are prefetched there. <c>dm</c> ignores transfers, <c>dmda</c> counts them, and
/// <c>dmdar</c> also lets a worker run first the queued task whose data has already arrived. While a model lacks samples
/// the task goes to the least loaded worker that still needs calibration (exploration).
/// </summary>
internal sealed class DequeModelPolicy(string name, bool dataAware, bool readyFirst, double alpha, double beta) : SchedulingPolicy
{
    private Candidate[] candidates = new Candidate[16];

    public override string Name { get; } = name;

    public override void Push(ScheduledTask task, WorkerSlot? releasedBy)
    {
        double now = Host.Now;
        var binding = task.Binding!;
        int count = 0;
        double bestEnd = double.PositiveInfinity;
        WorkerSlot? forced = null;
        int forcedImplementation = 0;
        WorkerSlot? fallback = null;
        foreach (var slot in Host.Slots)
        {
            int implementations = binding.BySlot[slot.Index].Length;
            if (implementations == 0)
            {
                continue;
            }

            if (fallback is null || Load(slot) < Load(fallback))
            {
                fallback = slot;
            }

            double penalty = dataAware ? Host.PredictTransfer(task, slot) : 0;
            double queueEnd = slot.ExpectedEnd(now);
            for (int i = 0; i < implementations; i++)
            {
                double length = Host.PredictLength(task, slot, i, out bool calibrate);
                if (double.IsNaN(length))
                {
                    if (calibrate && (forced is null || Load(slot) < Load(forced)))
                    {
                        forced = slot;
                        forcedImplementation = i;
                    }

                    continue;
                }

                double end = Math.Max(queueEnd, now + penalty) + length;
                bestEnd = Math.Min(bestEnd, end);
                if (count == candidates.Length)
                {
                    Array.Resize(ref candidates, count * 2);
                }

                candidates[count++] = new Candidate(slot, i, length, penalty, end);
            }
        }

        if (forced is not null)
        {
            Host.BeginCalibration(task, forced, forcedImplementation);
            Place(task, forced, forcedImplementation, 0, dataAware ? Host.PredictTransfer(task, forced) : 0, now);
            return;
        }

        if (count == 0)
        {
            // No prediction anywhere and enough calibration under way: balance by queue length.
            Place(task, fallback!, 0, 0, dataAware ? Host.PredictTransfer(task, fallback!) : 0, now);
            return;
        }

        int best = 0;
        double bestFitness = double.PositiveInfinity;
        for (int c = 0; c < count; c++)
        {
            ref var candidate = ref candidates[c];
            double fitness = (alpha * (candidate.End - bestEnd)) + (dataAware ? beta * candidate.Penalty : 0);
            if (fitness < bestFitness || (fitness == bestFitness && candidate.End < candidates[best].End))
            {
                best = c;
                bestFitness = fitness;
            }
        }

        var chosen = candidates[best];
        Array.Clear(candidates, 0, count);
        Place(task, chosen.Slot, chosen.Implementation, chosen.Length, chosen.Penalty, now);
    }

    public override ScheduledTask? Pop(WorkerSlot slot)
    {
        if (slot.PolicyState is not TaskQueue queue || queue.Count == 0)
        {
            return null;
        }

        int index = 0;
        if (readyFirst)
        {
            for (int i = 0; i < queue.Count; i++)
            {
                if (Host.IsDataLocal(queue[i], slot))
                {
                    index = i;
                    break;
                }
            }
        }

        var task = queue.RemoveAt(index);
        slot.Queued--;
        slot.QueuedPredicted = slot.Queued == 0 ? 0 : Math.Max(0, slot.QueuedPredicted - task.PredictedCost);
        return task;
    }

    public override void OnStarted(ScheduledTask task, WorkerSlot slot) => slot.RunningEnd = Host.Now + task.PredictedLength;

    public override void OnFinished(ScheduledTask task, WorkerSlot slot) => slot.RunningEnd = Host.Now;

    private static int Load(WorkerSlot slot) => slot.Queued + (slot.Busy ? 1 : 0);

    private void Place(ScheduledTask task, WorkerSlot slot, int implementation, double length, double penalty, double now)
    {
        double hidden = Math.Max(0, now + penalty - slot.ExpectedEnd(now));
        task.Slot = slot;
        task.Implementation = task.Binding!.BySlot[slot.Index][implementation];
        task.PredictedLength = length;
        task.PredictedTransfer = penalty;
        task.PredictedCost = length + hidden;
        if (length > 0)
        {
            task.PredictedSeconds = length;
        }

        slot.QueuedPredicted += task.PredictedCost;
        slot.Queued++;
        ((TaskQueue)(slot.PolicyState ??= new TaskQueue())).Enqueue(task);
        Host.Prefetch(task, slot);
        Host.Wake(slot);
    }

    private readonly record struct Candidate(WorkerSlot Slot, int Implementation, double Length, double Penalty, double End);
}
