using Oompa.Scheduler.Tasks;
using Oompa.Scheduler.Workers;

namespace Oompa.Scheduler.Policies;

/// <summary>
/// A scheduling policy: receives tasks whose dependencies are done (<see cref="Push"/>) and hands them to workers that
/// ask for work (<see cref="Pop"/>). Called under the owner's lock only.
/// </summary>
internal abstract class SchedulingPolicy
{
    private ISchedulerHost? host;

    /// <summary>The policy's name (see <see cref="SchedulingPolicies.Names"/>).</summary>
    public abstract string Name { get; }

    protected ISchedulerHost Host => host ?? throw new InvalidOperationException("The policy is not attached.");

    public void Attach(ISchedulerHost owner)
    {
        host = owner;
        OnAttached();
    }

    /// <summary>A ready task; <paramref name="releasedBy"/> is the worker whose completion made it ready, if any.</summary>
    public abstract void Push(ScheduledTask task, WorkerSlot? releasedBy);

    /// <summary>The next task for <paramref name="slot"/>, or null.</summary>
    public abstract ScheduledTask? Pop(WorkerSlot slot);

    /// <summary>Called when the slot starts the task.</summary>
    public virtual void OnStarted(ScheduledTask task, WorkerSlot slot)
    {
    }

    /// <summary>Called when the task finished on the slot.</summary>
    public virtual void OnFinished(ScheduledTask task, WorkerSlot slot)
    {
    }

    protected virtual void OnAttached()
    {
    }

    /// <summary>Index of the first task in <paramref name="queue"/> the slot can run (looking at no more than
    /// <paramref name="limit"/> tasks), or -1.</summary>
    protected static int FirstRunnable(TaskQueue queue, WorkerSlot slot, bool fromBack = false, int limit = int.MaxValue)
    {
        int n = queue.Count;
        for (int k = 0; k < Math.Min(n, limit); k++)
        {
            int i = fromBack ? n - 1 - k : k;
            if (queue[i].Binding!.CanRun(slot))
            {
                return i;
            }
        }

        return -1;
    }
}
