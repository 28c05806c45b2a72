namespace Oompa.Scheduler.Tracing;

/// <summary>A dependency: task <paramref name="To"/> waited for task <paramref name="From"/>.</summary>
/// <param name="From">The earlier task's id.</param>
/// <param name="To">The later task's id.</param>
public readonly record struct TaskEdge(long From, long To);
