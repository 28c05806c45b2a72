namespace Oompa.Scheduler.Tasks;

/// <summary>Optional settings of one submitted task.</summary>
public sealed record TaskOptions
{
    /// <summary>No options: the codelet's name, priority 0, no explicit dependencies.</summary>
    public static TaskOptions Default { get; } = new();

    /// <summary>A name for traces and messages; the codelet's name when null.</summary>
    public string? Name { get; init; }

    /// <summary>Higher runs earlier among ready tasks of a queue (default 0).</summary>
    public int Priority { get; init; }

    /// <summary>Tasks that must complete first, besides those implied by the data accesses.</summary>
    public IReadOnlyList<ScheduledTask>? DependsOn { get; init; }

    /// <summary>
    /// The task's size for performance models (StarPU's <c>size_base</c>): the footprint key and the n of the a·n^b
    /// regression. Null: the bytes of the accessed handles.
    /// </summary>
    public long? Size { get; init; }

    /// <summary>A value for the implementation (StarPU's <c>cl_arg</c>), read back as <see cref="TaskContext.Argument"/>.</summary>
    public object? Argument { get; init; }

    /// <summary>Cancels the task if it has not started; tasks that depend on it are cancelled too.</summary>
    public CancellationToken CancellationToken { get; init; }
}
