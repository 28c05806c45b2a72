using Oompa.Scheduler.Tasks;
using Oompa.Scheduler.Workers;

namespace Oompa.Scheduler.Policies;

/// <summary>
/// A central queue that any capable worker takes from: one priority-ordered queue per codelet, so a worker never scans
/// past tasks it cannot run. The next task for a worker is the best head among the codelets it can run: higher
/// priority, then higher urgency, then earlier submission.
/// </summary>
internal sealed class SharedQueue
{
    private readonly List<(CodeletBinding Binding, TaskQueue Queue)> queues = [];

    public int Count { get; private set; }

    public void Enqueue(ScheduledTask task)
    {
        var binding = task.Binding!;
        foreach (var (b, q) in queues)
        {
            if (ReferenceEquals(b, binding))
            {
                q.Enqueue(task);
                Count++;
                return;
            }
        }

        var queue = new TaskQueue();
        queue.Enqueue(task);
        queues.Add((binding, queue));
        Count++;
    }

    /// <summary>The best task the slot can run, without removing it; null when none.</summary>
    public ScheduledTask? Peek(WorkerSlot slot) => Best(slot) is { } q ? q[0] : null;

    /// <summary>Removes and returns the best task the slot can run; null when none.</summary>
    public ScheduledTask? Take(WorkerSlot slot)
    {
        if (Best(slot) is not { } queue)
        {
            return null;
        }

        Count--;
        return queue.RemoveAt(0);
    }

    private TaskQueue? Best(WorkerSlot slot)
    {
        if (Count == 0)
        {
            return null;
        }

        TaskQueue? best = null;
        foreach (var (binding, queue) in queues)
        {
            if (queue.Count == 0 || !binding.CanRun(slot))
            {
                continue;
            }

            var head = queue[0];
            if (best is null || TaskQueue.Before(head, best[0]) || (!TaskQueue.Before(best[0], head) && head.Id < best[0].Id))
            {
                best = queue;
            }
        }

        return best;
    }
}
