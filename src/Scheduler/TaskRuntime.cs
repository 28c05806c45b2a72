using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Oompa.Core.Data;
using Oompa.Core.Devices;
using Oompa.Scheduler.Data;
using Oompa.Scheduler.Models;
using Oompa.Scheduler.Nodes;
using Oompa.Scheduler.Policies;
using Oompa.Scheduler.Tasks;
using Oompa.Scheduler.Tracing;
using Oompa.Scheduler.Workers;

namespace Oompa.Scheduler;

/// <summary>
/// The task runtime: data handles with MSI replicas over memory nodes, tasks ordered by their data accesses, one thread
/// per worker, and a scheduling policy (eager, ws, dm, dmda, dmdar) fed by performance and transfer models. Submit
/// tasks in program order; <see cref="Synchronize"/> waits for them, brings every handle's data home and throws the
/// original exception of a failed task. Thread-safe.
/// </summary>
public sealed partial class TaskRuntime : IDisposable, IAsyncDisposable
{
    private readonly Lock gate = new();
    private readonly RuntimeOptions options;
    private readonly IMemoryNodeProvider[] providers;
    private readonly WorkerSlot[] slots;
    private readonly SchedulingPolicy policy;
    private readonly Coherency coherency;
    private readonly Dictionary<Codelet, CodeletBinding> bindings = [];
    private readonly HandleRegistry registry = new();
    private readonly List<DataHandle> handles = [];
    private readonly List<CopyOrder> deferred = [];
    private readonly List<Exception> failures = [];
    private readonly long started = Stopwatch.GetTimestamp();
    private readonly ILogger logger;
    private readonly Codelet combineCodelet;
    private readonly CancellationTokenRegistration cancellation;
    private readonly Host host;
    private long nextTaskId;
    private int nextHandleId;
    private int outstanding;
    private long canceledSinceSync;
    private long completed;
    private long predicted;
    private double predictionError;
    private TaskCompletionSource? drained;
    private bool canceled;
    private bool stopping;
    private bool disposed;
    private readonly string? traceFile;

    /// <summary>Creates the runtime and starts one thread per worker; uncalibrated links are measured now.</summary>
    /// <exception cref="ArgumentException">Bad options: duplicate worker names, a worker without a memory node, an
    /// unknown policy name.</exception>
    public TaskRuntime(RuntimeOptions? options = null)
    {
        this.options = options ??= RuntimeOptions.Default;
        logger = options.Logger ?? NullLogger.Instance;
        var workers = options.Workers ?? CpuWorker.Split();
        providers = BuildNodes(options.Nodes);
        slots = BuildSlots(workers, providers);
        PolicyName = SchedulingPolicies.Resolve(options.Policy);
        policy = SchedulingPolicies.Create(
            PolicyName,
            options.Alpha ?? SchedulingPolicies.Weight(SchedulingPolicies.AlphaVariable, 1),
            options.Beta ?? SchedulingPolicies.Weight(SchedulingPolicies.BetaVariable, 1));
        PerformanceModel = options.PerformanceModel
            ?? (options.PersistModels ? PerformanceModel.Load(ModelFiles.PerformancePath(options.ModelDirectory), options.Models) : new PerformanceModel(options.Models));
        TransferModel = options.TransferModel
            ?? (options.PersistModels ? TransferModel.Load(ModelFiles.TransferPath(options.ModelDirectory)) : new TransferModel());
        coherency = new Coherency(providers, CalibrateLinks());
        traceFile = options.TraceFile ?? (Environment.GetEnvironmentVariable(RuntimeOptions.TraceVariable) is { Length: > 0 } named ? named : null);
        Trace = options.Trace || traceFile is not null ? new ExecutionTrace([.. slots.Select(s => s.Name)], [.. providers.Select(p => p.Node.ToString())]) : null;
        combineCodelet = new Codelet("oompa.reduce", new TaskImplementation("Host.Combine", DeviceKind.Cpu, RunCombine)) { Modeled = false };
        host = new Host(this);
        policy.Attach(host);
        foreach (var slot in slots)
        {
            slot.Context = new TaskContext(slot.Worker!);
            slot.Thread = new Thread(() => WorkerLoop(slot)) { IsBackground = true, Name = $"oompa-{slot.Name}" };
            slot.Thread.Start();
        }

        cancellation = options.CancellationToken.Register(OnCanceled);
        logger.LogDebug("Task runtime started: {Workers} workers, {Nodes} memory nodes, policy {Policy}", slots.Length, providers.Length, PolicyName);
    }

    /// <summary>The policy in use.</summary>
    public string PolicyName { get; }

    /// <summary>The workers, in slot order.</summary>
    public IReadOnlyList<IWorker> Workers => [.. slots.Select(s => s.Worker!)];

    /// <summary>The memory nodes; the first is the host.</summary>
    public IReadOnlyList<IMemoryNodeProvider> Nodes => providers;

    /// <summary>The performance model the policy predicts from and the runtime records into.</summary>
    public PerformanceModel PerformanceModel { get; }

    /// <summary>The transfer model.</summary>
    public TransferModel TransferModel { get; }

    /// <summary>The trace, when <see cref="RuntimeOptions.Trace"/> or a trace file is set.</summary>
    public ExecutionTrace? Trace { get; }

    /// <summary>Seconds since the runtime started.</summary>
    internal double Now => Stopwatch.GetElapsedTime(started).TotalSeconds;

    /// <summary>The MSI state of a handle's replica on a node.</summary>
    public ReplicaState StateOf(DataHandle handle, MemoryNode node)
    {
        ArgumentNullException.ThrowIfNull(handle);
        lock (gate)
        {
            return Coherency.StateOf(handle, NodeIndex(node));
        }
    }

    /// <summary>Bytes the runtime holds on a node now (replicas, scratch and reduction copies), and the peak.</summary>
    public (long Used, long Peak) MemoryUse(MemoryNode node)
    {
        lock (gate)
        {
            int index = NodeIndex(node);
            return (coherency.Used(index), coherency.Peak(index));
        }
    }

    /// <summary>Busy time per worker, bytes per link and the models' prediction error so far.</summary>
    public RuntimeSummary Summary()
    {
        lock (gate)
        {
            double elapsed = Now;
            var links = new List<LinkSummary>();
            for (int f = 0; f < providers.Length; f++)
            {
                for (int t = 0; t < providers.Length; t++)
                {
                    if (coherency.LinkCopies[f, t] > 0)
                    {
                        links.Add(new LinkSummary(providers[f].Node.ToString(), providers[t].Node.ToString(), coherency.LinkBytes[f, t], coherency.LinkCopies[f, t]));
                    }
                }
            }

            return new RuntimeSummary(
                elapsed,
                [.. slots.Select(s => new WorkerSummary(s.Name, s.TasksRun, s.BusySeconds, elapsed > 0 ? s.BusySeconds / elapsed : 0))],
                links,
                completed,
                predicted,
                predicted > 0 ? predictionError / predicted : double.NaN);
        }
    }

    /// <summary>Saves the performance and transfer models to <see cref="RuntimeOptions.ModelDirectory"/> (atomic writes).</summary>
    public void SaveModels()
    {
        PerformanceModel.Save(ModelFiles.PerformancePath(options.ModelDirectory));
        TransferModel.Save(ModelFiles.TransferPath(options.ModelDirectory));
    }

    private int NodeIndex(MemoryNode node)
    {
        for (int i = 0; i < providers.Length; i++)
        {
            if (providers[i].Node == node)
            {
                return i;
            }
        }

        throw new ArgumentException($"Memory node {node} is not one of this runtime's nodes ({string.Join(", ", providers.Select(p => p.Node))}).", nameof(node));
    }
}
