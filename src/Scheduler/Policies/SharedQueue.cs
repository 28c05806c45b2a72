using Oompa.Scheduler.Tasks;
using Oompa.Scheduler.Workers;

namespace Oompa.Scheduler.Policies;

/// <summary>
/// A central queue that any capable worker takes from: one priority-ordered queue per codelet, so a worker never scans
/// past tasks it cannot run. The next task for a worker is the best head among the codelets it can run: higher
/// priority, then higher urgency, then earlier submission. With <paramref name="hold"/>, tasks of a codelet modeled on
/// two or more architectures are <em>held</em>: no worker takes them; they wait for <see cref="Release"/> (the dm*
/// policies release them when first samples arrive).
/// </summary>
internal sealed class SharedQueue(bool hold = false)
{
    private readonly List<(CodeletBinding Binding, TaskQueue Queue)> queues = [];

    public int Count { get; private set; }

    /// <summary>Held tasks (see the class remarks).</summary>
    public int Held { get; private set; }

    /// <summary>Whether tasks of the binding are held rather than taken by idle workers.</summary>
    public bool Holds(CodeletBinding binding) => hold && binding.ModeledArchitectures > 1;

    public void Enqueue(ScheduledTask task)
    {
        var binding = task.Binding!;
        if (Holds(binding))
        {
            Held++;
        }

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

    /// <summary>
    /// Moves every held task of each codelet whose first task <paramref name="placeable"/> accepts to
    /// <paramref name="released"/>, in queue order.
    /// </summary>
    public void Release(Func<ScheduledTask, bool> placeable, List<ScheduledTask> released)
    {
        foreach (var (binding, queue) in queues)
        {
            if (queue.Count == 0 || !Holds(binding) || !placeable(queue[0]))
            {
                continue;
            }

            while (queue.Count > 0)
            {
                released.Add(queue.RemoveAt(0));
                Count--;
                Held--;
            }
        }
    }

    private TaskQueue? Best(WorkerSlot slot)
    {
        if (Count == Held)
        {
            return null;
        }

        TaskQueue? best = null;
        foreach (var (binding, queue) in queues)
        {
            if (queue.Count == 0 || !binding.CanRun(slot) || Holds(binding))
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
