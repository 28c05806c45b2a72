using Oompa.Scheduler.Tasks;

namespace Oompa.Scheduler.Workers;

/// <summary>
/// A worker as the runtime and its policy see it: description, memory node, the policy's queue bookkeeping, and (in a
/// real runtime) the thread that runs it. Mutable fields are guarded by the owning runtime's lock.
/// </summary>
internal sealed class WorkerSlot(int index, WorkerDescription description, int nodeIndex, IWorker? worker)
{
    public int Index { get; } = index;

    public WorkerDescription Description { get; } = description;

    public string Name => Description.Name;

    /// <summary>Index of the worker's memory node in the runtime's node list (0 is the host).</summary>
    public int NodeIndex { get; } = nodeIndex;

    /// <summary>The real worker; null in simulation.</summary>
    public IWorker? Worker { get; } = worker;

    /// <summary>Sum of the predicted costs of the tasks in the worker's queue (model-based policies).</summary>
    public double QueuedPredicted { get; set; }

    /// <summary>Predicted end of the running task; at most now when idle.</summary>
    public double RunningEnd { get; set; }

    /// <summary>Tasks in the worker's queue.</summary>
    public int Queued { get; set; }

    /// <summary>The policy's per-worker state (its queue).</summary>
    public object? PolicyState { get; set; }

    /// <summary>Whether the worker runs a task (or waits for its data) now.</summary>
    public bool Busy { get; set; }

    /// <summary>Real runtime: the worker waits on <see cref="Signal"/> for work.</summary>
    public bool Sleeping { get; set; }

    public SemaphoreSlim Signal { get; } = new(0);

    public TaskContext? Context { get; set; }

    /// <summary>The task the worker runs now (for diagnostics).</summary>
    public ScheduledTask? Current { get; set; }

    public Thread? Thread { get; set; }

    /// <summary>Seconds spent running implementations.</summary>
    public double BusySeconds { get; set; }

    /// <summary>Seconds spent waiting for the data of a task that was about to run.</summary>
    public double WaitSeconds { get; set; }

    public long TasksRun { get; set; }

    /// <summary>Expected end of the worker's queue at <paramref name="now"/>.</summary>
    public double ExpectedEnd(double now) => Math.Max(now, RunningEnd) + QueuedPredicted;

    public override string ToString() => Name;
}
