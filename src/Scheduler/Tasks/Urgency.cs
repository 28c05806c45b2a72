namespace Oompa.Scheduler.Tasks;

/// <summary>
/// Bottom levels as priorities: a task's urgency is its fastest predicted time plus the largest urgency among the tasks
/// that depend on it, so tasks on the critical path go first within a priority. Kept up to date as tasks are
/// submitted: a new task raises the urgency of the pending tasks above it. Edges always go from an earlier submission
/// to a later one, so visiting the affected tasks from the latest to the earliest settles each one once; at most
/// <see cref="MaxVisits"/> tasks are updated per submission. Called under the owner's lock.
/// </summary>
internal static class Urgency
{
    /// <summary>How many pending tasks one submission may update.</summary>
    public const int MaxVisits = 1024;

    public static void Submitted(ScheduledTask task, double estimate)
    {
        task.Estimate = double.IsFinite(estimate) && estimate > 0 ? estimate : 0;
        task.Urgency = task.Estimate;
        if (task.Predecessors is null || task.Estimate == 0)
        {
            return;
        }

        // Latest submission first: when a task is taken, every task below it that this submission changed is done.
        var queue = new PriorityQueue<ScheduledTask, long>();
        var queued = new HashSet<ScheduledTask> { task };
        queue.Enqueue(task, -task.Id);
        int visits = 0;
        while (queue.TryDequeue(out var node, out _) && visits++ < MaxVisits)
        {
            foreach (var p in node.Predecessors ?? [])
            {
                double candidate = p.Estimate + node.Urgency;
                if (p.Status == ScheduledTaskStatus.Pending && candidate > p.Urgency)
                {
                    p.Urgency = candidate;
                    if (queued.Add(p))
                    {
                        queue.Enqueue(p, -p.Id);
                    }
                }
            }
        }
    }

    /// <summary>Sorts tasks that became ready together, most urgent first (stable).</summary>
    public static void Order(List<ScheduledTask> ready)
    {
        if (ready.Count > 1)
        {
            var sorted = ready.OrderByDescending(t => t.Priority).ThenByDescending(t => t.Urgency).ToList();
            ready.Clear();
            ready.AddRange(sorted);
        }
    }
}
