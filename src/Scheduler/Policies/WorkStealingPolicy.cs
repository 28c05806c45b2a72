using Oompa.Scheduler.Tasks;
using Oompa.Scheduler.Workers;

namespace Oompa.Scheduler.Policies;

/// <summary>
/// <c>ws</c>: a deque per worker. A task made ready by a worker's completion goes to that worker (its data is likely
/// there), others go round-robin; a worker runs its newest task first and, when its deque is empty, steals the oldest
/// runnable task of the next workers in turn (StarPU's round-robin victim choice). Priorities are not used.
/// </summary>
internal sealed class WorkStealingPolicy : SchedulingPolicy
{
    private const int StealWindow = 64;
    private int nextVictim;

    public override string Name => "ws";

    public override void Push(ScheduledTask task, WorkerSlot? releasedBy)
    {
        var slots = Host.Slots;
        var binding = task.Binding!;
        WorkerSlot target;
        if (releasedBy is not null && binding.CanRun(releasedBy))
        {
            target = releasedBy;
        }
        else
        {
            int n = slots.Count;
            target = slots[0];
            for (int k = 0; k < n; k++)
            {
                var candidate = slots[(nextVictim + k) % n];
                if (binding.CanRun(candidate))
                {
                    target = candidate;
                    nextVictim = (candidate.Index + 1) % n;
                    break;
                }
            }
        }

        Queue(target).PushBack(task);
        target.Queued++;
        Host.Wake(target);
        Host.WakeAny(task);
    }

    public override ScheduledTask? Pop(WorkerSlot slot)
    {
        var own = Queue(slot);
        int index = FirstRunnable(own, slot, fromBack: true);
        if (index >= 0)
        {
            slot.Queued--;
            return own.RemoveAt(index);
        }

        var slots = Host.Slots;
        for (int k = 1; k < slots.Count; k++)
        {
            var victim = slots[(slot.Index + k) % slots.Count];
            var theirs = Queue(victim);
            index = FirstRunnable(theirs, slot, limit: StealWindow);
            if (index >= 0)
            {
                victim.Queued--;
                return theirs.RemoveAt(index);
            }
        }

        return null;
    }

    private static TaskQueue Queue(WorkerSlot slot) => (TaskQueue)(slot.PolicyState ??= new TaskQueue());
}
