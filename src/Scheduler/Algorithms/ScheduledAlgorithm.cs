using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Oompa.Core.Algorithms;
using Oompa.Core.Data;
using Oompa.Scheduler.Data;
using Oompa.Scheduler.Tasks;
using Oompa.Scheduler.Workers;

namespace Oompa.Scheduler.Algorithms;

/// <summary>
/// An algorithm run through the task runtime: <see cref="Init"/> initialises the algorithm once per kind of worker
/// (masking the kinds where it declines, with the reasons in <see cref="Masks"/>), and <see cref="Execute"/> submits a
/// task whose data are the payloads' handles, registered on first use; the policy picks the worker, the runtime moves
/// the data. <see cref="Synchronize"/> waits for this algorithm's tasks and hands their data back to the host. A main
/// loop swaps its plain algorithm for this one and changes nothing else.
/// </summary>
/// <typeparam name="TOut">Output wrapper.</typeparam>
/// <typeparam name="TIn">Input wrapper.</typeparam>
/// <typeparam name="TSettings">Settings.</typeparam>
public sealed partial class ScheduledAlgorithm<TOut, TIn, TSettings> : IAlgorithm<TOut, TIn, TSettings>
    where TOut : PayloadWrapper
    where TIn : PayloadWrapper
    where TSettings : class
{
    private readonly TaskRuntime runtime;
    private readonly Func<IWorker, IAlgorithm<TOut, TIn, TSettings>> factory;
    private readonly ScheduledAlgorithmOptions options;
    private readonly ConcurrentDictionary<string, IAlgorithm<TOut, TIn, TSettings>> instances = new(StringComparer.Ordinal);
    private readonly List<WorkerClass> classes = [];
    private readonly List<WorkerMask> masks = [];
    private readonly List<ScheduledTask> submitted = [];
    private readonly HashSet<DataHandle> used = [];
    private Codelet? codelet;
    private TSettings? settings;
    private string? chosen;

    /// <summary>Creates the scheduled form of an algorithm.</summary>
    /// <param name="runtime">The runtime whose workers run the tasks.</param>
    /// <param name="factory">Creates the plain algorithm for a worker (for example with that worker's device); called
    /// once per kind of worker at <see cref="Init"/> and once per further worker at its first task.</param>
    /// <param name="options">Codelet name, read-write members, priority.</param>
    public ScheduledAlgorithm(TaskRuntime runtime, Func<IWorker, IAlgorithm<TOut, TIn, TSettings>> factory, ScheduledAlgorithmOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(factory);
        this.runtime = runtime;
        this.factory = factory;
        this.options = options ?? ScheduledAlgorithmOptions.Default;
    }

    /// <summary>The strategy chosen on each kind of worker that accepted, or null before a successful Init.</summary>
    public string? StrategyName => chosen;

    /// <summary>The kinds of worker where Init declined, with the reasons.</summary>
    public IReadOnlyList<WorkerMask> Masks => masks;

    /// <summary>The codelet of this algorithm's tasks (null before a successful Init).</summary>
    public Codelet? Codelet => codelet;

    /// <summary>
    /// Waits for every task this algorithm submitted, brings their data home (the host copy becomes the only valid
    /// one) except transient data (<see cref="TaskRuntime.MarkTransient"/>), and throws the original exception of a
    /// failed task.
    /// </summary>
    public void Synchronize()
    {
        ScheduledTask[] tasks;
        DataHandle[] handles;
        lock (submitted)
        {
            tasks = [.. submitted];
            handles = [.. used];
            submitted.Clear();
            used.Clear();
        }

        try
        {
            Task.WhenAll(tasks.Select(t => t.Completion)).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Reported below, after the data has come home.
        }

        foreach (var h in handles.Where(h => !h.IsUnregistered && !h.IsTransient))
        {
            runtime.Acquire(h);
        }

        if (tasks.FirstOrDefault(t => t.Status == ScheduledTaskStatus.Faulted) is { Exception: { } error })
        {
            ExceptionDispatchInfo.Throw(error);
        }

        if (tasks.Any(t => t.Status == ScheduledTaskStatus.Canceled))
        {
            throw new OperationCanceledException("Tasks of this scheduled algorithm were cancelled.");
        }
    }

    /// <summary>Waits for the submitted tasks (without throwing) and disposes every per-worker algorithm.</summary>
    public void Dispose()
    {
        try
        {
            Synchronize();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Dispose never throws; failures were for Synchronize to report.
        }

        Release();
    }

    private void Release()
    {
        foreach (var instance in instances.Values)
        {
            instance.Dispose();
        }

        instances.Clear();
        classes.Clear();
        masks.Clear();
        codelet = null;
        chosen = null;
        settings = null;
    }

    /// <summary>The workers of one architecture, kind and node, and how the algorithm was initialised for them.</summary>
    private sealed record WorkerClass(string Architecture, MemoryNode Node, IReadOnlyList<IWorker> Workers, TOut Output, TIn Input, string Strategy);

    /// <summary>One call: the wrappers and, per member, the index of its access in the task (-1 when absent).</summary>
    private sealed record Call(TOut Output, TIn Input, int[] OutputAccess, int[] InputAccess);
}
