using Oompa.Core.Data;
using Oompa.Scheduler.Data;
using Oompa.Scheduler.Models;
using Oompa.Scheduler.Policies;
using Oompa.Scheduler.Tasks;
using Oompa.Scheduler.Tracing;
using Oompa.Scheduler.Workers;

namespace Oompa.Scheduler.Simulation;

/// <summary>
/// Runs the real scheduling policies on a virtual clock: declared workers with speed functions, declared transfer
/// times, handles that are sizes only. Tasks are submitted as to a <see cref="TaskRuntime"/> (same codelets, access
/// modes and dependencies; reductions excepted), then <see cref="Run"/> plays them. Deterministic: the same graph and
/// options give the same schedule. Data moves like in the runtime (reads replicate, writes invalidate, prefetch on
/// placement, one copy at a time per directed link); memory limits are not simulated.
/// </summary>
public sealed partial class Simulator
{
    private readonly Lock gate = new();
    private readonly SimulationOptions options;
    private readonly WorkerSlot[] slots;
    private readonly List<MemoryNode> nodes = [MemoryNode.Host];
    private readonly SchedulingPolicy policy;
    private readonly PerformanceModel? model;
    private readonly Host host;
    private readonly Dictionary<Codelet, CodeletBinding> bindings = [];
    private readonly List<ScheduledTask> tasks = [];
    private readonly List<DataHandle> handles = [];
    private readonly ExecutionTrace trace;
    private readonly PriorityQueue<(ScheduledTask Task, WorkerSlot Slot), (double Time, long Sequence)> events = new();
    private readonly double[,] linkFree;
    private readonly long[,] linkBytes;
    private readonly long[,] linkCopies;
    private double now;
    private long sequence;
    private bool ran;

    /// <summary>Creates a simulation of the declared workers.</summary>
    /// <exception cref="ArgumentException">No workers, duplicate names, or an unknown policy name.</exception>
    public Simulator(SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Workers.Count == 0)
        {
            throw new ArgumentException("A simulation needs at least one worker.", nameof(options));
        }

        if (options.Workers.Select(w => w.Name).Distinct(StringComparer.Ordinal).Count() != options.Workers.Count)
        {
            throw new ArgumentException("Simulated worker names must be unique.", nameof(options));
        }

        this.options = options;
        foreach (var w in options.Workers.Where(w => !nodes.Contains(w.Node)))
        {
            nodes.Add(w.Node);
        }

        slots = [.. options.Workers.Select((w, i) => new WorkerSlot(i, w.Describe(), nodes.IndexOf(w.Node), null))];
        PolicyName = SchedulingPolicies.Resolve(options.Policy);
        policy = SchedulingPolicies.Create(PolicyName, options.Alpha, options.Beta);
        model = options.LearnModels ? new PerformanceModel(options.Models) : null;
        trace = new ExecutionTrace([.. slots.Select(s => s.Name)], [.. nodes.Select(n => n.ToString())]);
        linkFree = new double[nodes.Count, nodes.Count];
        linkBytes = new long[nodes.Count, nodes.Count];
        linkCopies = new long[nodes.Count, nodes.Count];
        host = new Host(this);
        policy.Attach(host);
    }

    /// <summary>The policy in use.</summary>
    public string PolicyName { get; }

    /// <summary>The learned model, when <see cref="SimulationOptions.LearnModels"/> is set.</summary>
    public PerformanceModel? PerformanceModel => model;

    /// <summary>Tasks submitted so far.</summary>
    public IReadOnlyList<ScheduledTask> Tasks => tasks;

    /// <summary>A handle of <paramref name="bytes"/> bytes whose only valid copy is on <paramref name="home"/> (default the host).</summary>
    public DataHandle Register(string name, long bytes, MemoryNode? home = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        int homeIndex = nodes.IndexOf(home ?? MemoryNode.Host);
        if (homeIndex < 0)
        {
            throw new ArgumentException($"No simulated worker uses {home}.", nameof(home));
        }

        var h = new DataHandle(this, handles.Count + 1, name, bytes, null, scratch: false, null, 0)
        {
            ValidFrom = [.. Enumerable.Repeat(double.PositiveInfinity, nodes.Count)],
        };
        h.ValidFrom[homeIndex] = 0;
        handles.Add(h);
        return h;
    }

    /// <summary>Submits a task (before <see cref="Run"/>).</summary>
    /// <exception cref="ArgumentException">A foreign handle, a repeated handle, a reduction access, or no capable worker.</exception>
    public ScheduledTask Submit(Codelet codelet, IReadOnlyList<DataAccess> accesses, TaskOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(codelet);
        ArgumentNullException.ThrowIfNull(accesses);
        if (ran)
        {
            throw new InvalidOperationException("The simulation has already run; create a new Simulator.");
        }

        options ??= TaskOptions.Default;
        DataAccess[] array = [.. accesses];
        for (int i = 0; i < array.Length; i++)
        {
            var (h, mode) = array[i];
            if (!ReferenceEquals(h.Owner, this))
            {
                throw new ArgumentException($"Handle {h} belongs to another runtime or simulation.", nameof(accesses));
            }

            if (mode is AccessMode.Reduction or AccessMode.Scratch)
            {
                throw new ArgumentException($"Simulated tasks use Read, Write and ReadWrite accesses; {mode} of {h} is not simulated.", nameof(accesses));
            }

            if (array.Take(i).Any(a => ReferenceEquals(a.Handle, h)))
            {
                throw new ArgumentException($"Handle {h} appears twice in one task.", nameof(accesses));
            }
        }

        var (footprint, size) = Footprint.Of(array, options.Size);
        lock (gate)
        {
            var task = new ScheduledTask(gate, tasks.Count + 1, codelet, array, options) { Footprint = footprint, Size = size, Binding = Binding(codelet) };
            tasks.Add(task);
            trace.Submitted(task);
            Dependencies.Track(task, options.DependsOn, _ => { }, trace, slots.Length);
            Urgency.Submitted(task, host.Estimate(task));
            return task;
        }
    }

    /// <summary>Submits a task with default options.</summary>
    public ScheduledTask Submit(Codelet codelet, params DataAccess[] accesses) => Submit(codelet, accesses, null);

    private CodeletBinding Binding(Codelet codelet)
    {
        if (!bindings.TryGetValue(codelet, out var binding))
        {
            binding = new CodeletBinding(codelet, slots, model);
            if (binding.Capable == 0)
            {
                throw new ArgumentException($"No simulated worker can run codelet '{codelet.Name}'.", nameof(codelet));
            }

            bindings.Add(codelet, binding);
        }

        return binding;
    }

    private double Duration(ScheduledTask task, WorkerSlot slot, TaskImplementation implementation)
    {
        double seconds = options.Workers[slot.Index].Speed(task.Codelet, implementation, task.Size);
        if (!double.IsFinite(seconds) || seconds < 0)
        {
            throw new InvalidOperationException($"The speed function of worker '{slot.Name}' gave {seconds} s for {task.Codelet.Name}/{implementation.Name} (size {task.Size}); it must be finite and non-negative.");
        }

        return seconds;
    }

    private double TransferSeconds(int from, int to, long bytes) =>
        from == to || bytes == 0 ? 0 : Math.Max(0, options.Transfer?.Invoke(nodes[from], nodes[to], bytes) ?? 0);
}
