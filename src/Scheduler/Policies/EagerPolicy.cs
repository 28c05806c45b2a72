using Oompa.Scheduler.Tasks;
using Oompa.Scheduler.Workers;

namespace Oompa.Scheduler.Policies;

/// <summary>
/// <c>eager</c>: one central queue ordered by priority (then urgency, then submission); an idle worker takes the first
/// task it can run. No model, no prefetch: the decision is made when a worker asks, too late to move data ahead.
/// </summary>
internal sealed class EagerPolicy : SchedulingPolicy
{
    private readonly SharedQueue queue = new();

    public override string Name => "eager";

    public override void Push(ScheduledTask task, WorkerSlot? releasedBy)
    {
        queue.Enqueue(task);
        Host.WakeAny(task);
    }

    public override ScheduledTask? Pop(WorkerSlot slot) => queue.Take(slot);
}
