using Oompa.Scheduler.Data;
using Oompa.Scheduler.Workers;

namespace Oompa.Scheduler.Tasks;

/// <summary>
/// A submitted task: its status, where it ran, predicted and measured times, and a <see cref="Completion"/> that
/// faults with the original exception when the task (or one it depends on) fails.
/// </summary>
public sealed class ScheduledTask
{
    private readonly Lock gate;
    private TaskCompletionSource? completion;
    private volatile ScheduledTaskStatus status;

    internal ScheduledTask(Lock gate, long id, Codelet codelet, DataAccess[] accesses, TaskOptions options)
    {
        this.gate = gate;
        Id = id;
        Codelet = codelet;
        AccessArray = accesses;
        Name = options.Name ?? codelet.Name;
        Priority = options.Priority;
        Token = options.CancellationToken;
        Argument = options.Argument;
    }

    /// <summary>Submission number, unique within its runtime or simulation.</summary>
    public long Id { get; }

    /// <summary>The name given at submission, else the codelet's.</summary>
    public string Name { get; }

    /// <summary>The codelet.</summary>
    public Codelet Codelet { get; }

    /// <summary>The priority given at submission.</summary>
    public int Priority { get; }

    /// <summary>The value given as <see cref="TaskOptions.Argument"/>.</summary>
    public object? Argument { get; }

    /// <summary>The data the task uses, in the order its implementation sees them.</summary>
    public IReadOnlyList<DataAccess> Accesses => AccessArray;

    /// <summary>The current status.</summary>
    public ScheduledTaskStatus Status => status;

    /// <summary>The original exception of a faulted task (also for a task faulted by a dependency).</summary>
    public Exception? Exception { get; private set; }

    /// <summary>The worker that ran (or was chosen to run) the task.</summary>
    public string? WorkerName => Slot?.Name;

    /// <summary>The implementation that ran.</summary>
    public string? ImplementationName => Implementation?.Name;

    /// <summary>Seconds the performance model predicted for the chosen worker; NaN when it had no trusted prediction.</summary>
    public double PredictedSeconds { get; internal set; } = double.NaN;

    /// <summary>Seconds the implementation ran; NaN before it ran.</summary>
    public double MeasuredSeconds { get; internal set; } = double.NaN;

    /// <summary>Whether the task has completed, faulted or been cancelled.</summary>
    public bool IsFinished => status >= ScheduledTaskStatus.Completed;

    /// <summary>Completes when the task finishes: faulted with the original exception, or cancelled.</summary>
    public Task Completion
    {
        get
        {
            lock (gate)
            {
                if (completion is null)
                {
                    completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    if (IsFinished)
                    {
                        Signal(completion);
                    }
                }

                return completion.Task;
            }
        }
    }

    internal DataAccess[] AccessArray { get; }

    internal CancellationToken Token { get; }

    internal int PendingDependencies { get; set; }

    internal List<ScheduledTask>? Dependants { get; set; }

    internal ulong Footprint { get; set; }

    internal long Size { get; set; }

    internal WorkerSlot? Slot { get; set; }

    internal TaskImplementation? Implementation { get; set; }

    /// <summary>Predicted run time on <see cref="Slot"/> (0 when unknown), as queued by a model-based policy.</summary>
    internal double PredictedLength { get; set; }

    /// <summary>What the task adds to its worker's queue: run time plus transfer time not hidden by earlier work.</summary>
    internal double PredictedCost { get; set; }

    /// <summary>Predicted transfer seconds at placement.</summary>
    internal double PredictedTransfer { get; set; }

    internal double StartTime { get; set; }

    internal double EndTime { get; set; }

    /// <summary>Set on the runtime's internal combine task of a reduction.</summary>
    internal ReductionPhase? CombinePhase { get; set; }

    /// <summary>The reduction phase of each reduction-mode access (null when the task has none).</summary>
    internal ReductionPhase?[]? Phases { get; set; }

    /// <summary>Index of <see cref="Implementation"/> among the slot's runnable implementations.</summary>
    internal int ImplementationIndex { get; set; }

    /// <summary>The history entry this task was placed to calibrate; its pending count is released at the end.</summary>
    internal Models.HistoryEntry? CalibrationEntry { get; set; }

    /// <summary>How many of the task's accesses are pinned (released at the end).</summary>
    internal int AcquiredAccesses { get; set; }

    /// <summary>A dependency that had already failed when the task was submitted: the task inherits its fate.</summary>
    internal ScheduledTask? FailedDependency { get; set; }

    /// <summary>Bottom level: predicted seconds from this task's start to the end of the longest chain of tasks that
    /// depend on it. Queues order by priority, then by urgency (critical-path tasks first).</summary>
    internal double Urgency { get; set; }

    /// <summary>The fastest predicted run time (0 when unknown), the task's own share of <see cref="Urgency"/>.</summary>
    internal double Estimate { get; set; }

    /// <summary>Unfinished tasks this one waits for, kept while it is pending so urgency can flow up the graph.</summary>
    internal List<ScheduledTask>? Predecessors { get; set; }

    /// <summary>Per-runtime facts about the codelet: which workers can run it, with which implementations.</summary>
    internal CodeletBinding? Binding { get; set; }

    /// <summary>Sets the status (under the runtime's lock).</summary>
    internal void SetStatus(ScheduledTaskStatus value) => status = value;

    /// <summary>Finishes the task (under the runtime's lock) and completes an awaiter created so far.</summary>
    internal void Finish(ScheduledTaskStatus final, Exception? exception)
    {
        Exception = exception;
        status = final;
        if (completion is not null)
        {
            Signal(completion);
        }
    }

    /// <summary>Formats as id, name and status.</summary>
    public override string ToString() => $"#{Id} {Name} ({Status})";

    private void Signal(TaskCompletionSource source)
    {
        switch (status)
        {
            case ScheduledTaskStatus.Completed:
                source.TrySetResult();
                break;
            case ScheduledTaskStatus.Faulted:
                source.TrySetException(Exception!);
                break;
            default:
                source.TrySetCanceled(Token.IsCancellationRequested ? Token : CancellationToken.None);
                break;
        }
    }
}
