namespace Oompa.Scheduler.Tasks;

/// <summary>Where a task is in its life.</summary>
public enum ScheduledTaskStatus
{
    /// <summary>Waiting for the tasks it depends on.</summary>
    Pending,

    /// <summary>Its dependencies are done; it waits in a scheduling queue.</summary>
    Ready,

    /// <summary>A worker is running it.</summary>
    Running,

    /// <summary>It ran to completion.</summary>
    Completed,

    /// <summary>It, or a task it depends on, threw; <see cref="ScheduledTask.Exception"/> is the original exception.</summary>
    Faulted,

    /// <summary>It was cancelled before it started, or a task it depends on was.</summary>
    Canceled,
}
