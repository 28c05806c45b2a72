using Oompa.Scheduler.Tasks;
using Oompa.Scheduler.Workers;

namespace Oompa.Scheduler.Policies;

/// <summary>Slack-aware placement for the dm* family.</summary>
internal sealed partial class DequeModelPolicy
{
    private Dictionary<string, int>? classSizes;

    /// <summary>
    /// The latest predicted end of the critical path seen so far: the largest <c>now + urgency</c> of a placed task
    /// (urgency is the bottom level at the fastest implementations, so this is when the schedule can end at best).
    /// </summary>
    private double horizon;

    /// <summary>
    /// Earliest-finish placement sends a task to the fastest worker even when it has slack, and on heterogeneous
    /// workers that fills the few fast ones (GPUs) with work the many slow ones (CPU cores) would do as well, while the
    /// critical tasks that need them wait. Here a candidate is <em>safe</em> when the task's end there plus the rest of
    /// its chain (urgency minus its own fastest time) still fits before <see cref="horizon"/>; among safe candidates the
    /// task goes where it uses the smallest share of its worker class's capacity (predicted length / workers of that
    /// architecture), ties by earliest end. Without a safe candidate (critical tasks), the fitness choice stands. On
    /// identical workers every candidate costs the same and the choice is the earliest end, as before.
    /// </summary>
    /// <returns>The index of the candidate to place the task on.</returns>
    private int SlackAware(ScheduledTask task, int count, int fittest, double now)
    {
        horizon = Math.Max(horizon, now + task.Urgency);
        double tail = Math.Max(0, task.Urgency - task.Estimate);
        double limit = horizon * (1 + 1e-9);
        int chosen = -1;
        double cheapest = double.PositiveInfinity;
        for (int c = 0; c < count; c++)
        {
            ref var candidate = ref candidates[c];
            if (candidate.End + tail > limit)
            {
                continue;
            }

            double cost = candidate.Length / ClassSize(candidate.Slot);
            if (cost < cheapest * (1 - 1e-9) || (cost <= cheapest * (1 + 1e-9) && candidate.End < candidates[chosen].End))
            {
                cheapest = cost;
                chosen = c;
            }
        }

        return chosen >= 0 ? chosen : fittest;
    }

    /// <summary>Workers of the slot's architecture (its class).</summary>
    private int ClassSize(WorkerSlot slot)
    {
        classSizes ??= Host.Slots.GroupBy(s => s.Description.Architecture, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return classSizes[slot.Description.Architecture];
    }
}
