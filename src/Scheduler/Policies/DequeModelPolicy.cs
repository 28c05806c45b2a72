using Oompa.Scheduler.Tasks;
using Oompa.Scheduler.Workers;

namespace Oompa.Scheduler.Policies;

/// <summary>
/// The <c>dm</c> family (StarPU's deque-model policies): when a task becomes ready it is placed at once on the worker
/// and implementation that minimise fitness = α·(end − best end) + β·transfer, with end = max(queue end, now + transfer)
/// + predicted length, and its inputs are prefetched there. <c>dm</c> ignores transfers, <c>dmda</c> counts them, and
/// <c>dmdar</c> also lets a worker run first the queued task whose data has already arrived. Calibration (see
/// <c>DequeModelPolicy.Calibration.cs</c>): an architecture without samples gets one run at a time until its first
/// sample; below the minimum, tentative medians place tasks; tasks no model can predict yet wait for first samples
/// (unmodeled codelets, and those only one architecture runs, go to whichever worker runs dry, as with eager). Queues
/// are ordered by priority, then urgency (bottom level), and a task's expected start counts only the queued work ahead
/// of it; a task with slack goes where it uses the least of its worker class's capacity
/// (see <c>DequeModelPolicy.Slack.cs</c>); an idle worker with an empty queue takes a queued task that would finish
/// earlier on it.
/// </summary>
internal sealed partial class DequeModelPolicy(string name, bool dataAware, bool readyFirst, double alpha, double beta) : SchedulingPolicy
{
    private const int StealWindow = 32;
    private readonly SharedQueue unplaced = new(hold: true);
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
        foreach (var slot in Host.Slots)
        {
            int implementations = binding.BySlot[slot.Index].Length;
            if (implementations == 0)
            {
                continue;
            }

            double penalty = dataAware ? Host.PredictTransfer(task, slot) : 0;
            double queueEnd = ExpectedStart(slot, task, now);
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

                candidates[count++] = new Candidate(slot, i, length, penalty, end, calibrate);
            }
        }

        if (forced is not null)
        {
            Host.BeginCalibration(task, forced, forcedImplementation, 0);
            Place(task, forced, forcedImplementation, 0, dataAware ? Host.PredictTransfer(task, forced) : 0, now, predicted: false);
            return;
        }

        if (count == 0)
        {
            // No prediction anywhere (an unmodeled codelet, or first samples on their way): do not commit. An unmodeled
            // codelet, or one only one architecture runs, goes to the first worker that runs dry, as with eager; one
            // modeled on several architectures waits for its first samples (see Release).
            unplaced.Enqueue(task);
            if (!unplaced.Holds(binding))
            {
                Host.WakeAny(task);
            }

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

        var chosen = candidates[SlackAware(task, count, best, now)];
        int neglected = Neglected(binding, count, chosen);
        if (neglected >= 0)
        {
            chosen = candidates[neglected];
            Host.BeginCalibration(task, chosen.Slot, chosen.Implementation, chosen.Length + chosen.Penalty);
        }

        Array.Clear(candidates, 0, count);
        Place(task, chosen.Slot, chosen.Implementation, chosen.Length, chosen.Penalty, now);
    }

    public override ScheduledTask? Pop(WorkerSlot slot)
    {
        var shared = unplaced.Peek(slot);
        if (slot.PolicyState is not TaskQueue queue || queue.Count == 0)
        {
            if (shared is null && unplaced.Held > 0)
            {
                // Held tasks are placed by a worker that runs dry, once a first sample has arrived.
                Release();
                if (slot.PolicyState is TaskQueue mine && mine.Count > 0)
                {
                    return Pop(slot);
                }

                shared = unplaced.Peek(slot);
            }

            return shared is not null ? unplaced.Take(slot) : Steal(slot);
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

        if (shared is not null && TaskQueue.Before(shared, queue[index]))
        {
            return unplaced.Take(slot);
        }

        var task = queue.RemoveAt(index);
        slot.Queued--;
        slot.QueuedPredicted = slot.Queued == 0 ? 0 : Math.Max(0, slot.QueuedPredicted - task.PredictedCost);
        return task;
    }

    public override void OnStarted(ScheduledTask task, WorkerSlot slot) => slot.RunningEnd = Host.Now + task.PredictedLength;

    public override void OnFinished(ScheduledTask task, WorkerSlot slot) => slot.RunningEnd = Host.Now;

    /// <summary>
    /// When the task would start on the slot: after the running task and the queued tasks that stay before it (queues
    /// are ordered by priority and urgency, so more urgent work does not wait behind less urgent work).
    /// </summary>
    private static double ExpectedStart(WorkerSlot slot, ScheduledTask task, double now)
    {
        double end = slot.ExpectedEnd(now);
        if (slot.PolicyState is TaskQueue queue)
        {
            for (int i = queue.Count - 1; i >= 0 && TaskQueue.Before(task, queue[i]); i--)
            {
                end -= queue[i].PredictedCost;
            }
        }

        return Math.Max(end, Math.Max(now, slot.RunningEnd));
    }

    private static int Load(WorkerSlot slot) => slot.Queued + (slot.Busy ? 1 : 0);

    private void Place(ScheduledTask task, WorkerSlot slot, int implementation, double length, double penalty, double now, bool predicted = true)
    {
        double hidden = Math.Max(0, now + penalty - ExpectedStart(slot, task, now));
        task.Slot = slot;
        task.ImplementationIndex = implementation;
        task.Implementation = task.Binding!.BySlot[slot.Index][implementation];
        task.PredictedLength = length;
        task.PredictedTransfer = penalty;
        task.PredictedCost = length + hidden;
        task.PredictedSeconds = predicted ? length : double.NaN;

        slot.QueuedPredicted += task.PredictedCost;
        slot.Queued++;
        ((TaskQueue)(slot.PolicyState ??= new TaskQueue())).Enqueue(task);
        Host.Prefetch(task, slot);
        Host.Wake(slot);
        if (slot.Busy || slot.Queued > 1)
        {
            // An idle worker may finish it sooner: let it look (see Steal).
            Host.WakeAny(task);
        }
    }

    private readonly record struct Candidate(WorkerSlot Slot, int Implementation, double Length, double Penalty, double End, bool Calibrate);
}
