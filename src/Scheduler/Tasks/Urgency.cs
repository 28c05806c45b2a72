namespace Oompa.Scheduler.Tasks;

/// <summary>
/// Bottom levels as priorities: a task's urgency is its fastest predicted time plus the largest urgency among the tasks
/// that depend on it, so tasks on the critical path go first within a priority. Kept up to date as tasks are
/// submitted: a new task raises the urgency of the pending tasks above it (up to <see cref="MaxDepth"/> levels).
/// Called under the owner's lock.
/// </summary>
internal static class Urgency
{
    /// <summary>How far up the graph a submission propagates.</summary>
    public const int MaxDepth = 64;

    public static void Submitted(ScheduledTask task, double estimate)
    {
        task.Estimate = double.IsFinite(estimate) && estimate > 0 ? estimate : 0;
        task.Urgency = task.Estimate;
        if (task.Predecessors is null || task.Estimate == 0)
        {
            return;
        }

        var stack = new Stack<(ScheduledTask Task, int Depth)>();
        stack.Push((task, 0));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            if (depth >= MaxDepth || node.Predecessors is not { } predecessors)
            {
                continue;
            }

            foreach (var p in predecessors)
            {
                double candidate = p.Estimate + node.Urgency;
                if (p.Status == ScheduledTaskStatus.Pending && candidate > p.Urgency)
                {
                    p.Urgency = candidate;
                    stack.Push((p, depth + 1));
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
