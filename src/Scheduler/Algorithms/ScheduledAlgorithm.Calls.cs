using System.Globalization;
using Oompa.Core.Algorithms;
using Oompa.Core.Data;
using Oompa.Scheduler.Data;
using Oompa.Scheduler.Tasks;
using Oompa.Scheduler.Workers;

namespace Oompa.Scheduler.Algorithms;

/// <summary>Init per kind of worker, and calls as tasks.</summary>
public sealed partial class ScheduledAlgorithm<TOut, TIn, TSettings>
{
    /// <summary>
    /// Initialises the algorithm on each kind of worker (payloads described on that worker's memory node). Succeeds
    /// when at least one kind accepts; the others are masked (see <see cref="Masks"/>). Decisions are reported as
    /// <c>architecture/strategy</c>.
    /// </summary>
    public InitResult Init(TOut output, TIn input, TSettings settings)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(settings);
        Synchronize();
        Release();
        var problems = new List<string>();
        var decisions = new List<StrategyDecision>();
        string algorithm = "ScheduledAlgorithm";
        foreach (var group in runtime.Workers.GroupBy(w => (w.Architecture, w.Device.Kind, w.Device.MemoryNode)))
        {
            var workers = group.ToList();
            var (architecture, _, node) = group.Key;
            var first = workers[0];
            var instance = factory(first);
            algorithm = instance.GetType().Name;
            InitResult result;
            TOut o = output;
            TIn i = input;
            try
            {
                if (!node.IsHost)
                {
                    o = Describe(output, node);
                    i = Describe(input, node);
                }

                result = instance.Init(o, i, settings);
            }
            catch (NotSupportedException e)
            {
                result = new InitResult(algorithm, [e.Message], [], null);
            }

            decisions.AddRange(result.Decisions.Select(d => d with { Strategy = $"{architecture}/{d.Strategy}" }));
            foreach (var p in result.RequestProblems.Where(p => !problems.Contains(p)))
            {
                problems.Add(p);
            }

            if (!result.Success)
            {
                instance.Dispose();
                masks.Add(new WorkerMask(architecture, [.. workers.Select(w => w.Name)], result));
                continue;
            }

            instances[first.Name] = instance;
            classes.Add(new WorkerClass(architecture, node, workers, o, i, result.ChosenStrategy!));
        }

        if (classes.Count == 0)
        {
            return new InitResult(algorithm, problems, decisions, null);
        }

        this.settings = settings;
        codelet = new Codelet(options.Name ?? CodeletName(algorithm, settings), classes.Select(Implementation));
        chosen = string.Join("; ", classes.Select(c => $"{c.Strategy} on {c.Architecture}"));
        return new InitResult(algorithm, [], decisions, chosen);
    }

    /// <summary>Submits the call as a task and returns at once; the payloads become data handles.</summary>
    /// <exception cref="InvalidOperationException">Not initialised.</exception>
    public void Execute(TOut output, TIn input)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(input);
        var task = codelet ?? throw new InvalidOperationException("ScheduledAlgorithm.Execute was called before a successful Init.");
        var accesses = new List<DataAccess>();
        var outputs = Accesses(output.Members, accesses, input: false);
        var inputs = Accesses(input.Members, accesses, input: true);
        var submittedTask = runtime.Submit(task, accesses, new TaskOptions
        {
            Name = task.Name,
            Priority = options.Priority,
            Argument = new Call(output, input, outputs, inputs),
        });
        lock (submitted)
        {
            submitted.RemoveAll(t => t.Status == ScheduledTaskStatus.Completed);
            submitted.Add(submittedTask);
            foreach (var a in accesses)
            {
                used.Add(a.Handle);
            }
        }
    }

    private int[] Accesses(IReadOnlyList<PayloadMember> members, List<DataAccess> accesses, bool input)
    {
        var indices = new int[members.Count];
        for (int m = 0; m < members.Count; m++)
        {
            indices[m] = -1;
            if (members[m].Payload is not { IsEmpty: false } payload)
            {
                continue;
            }

            var handle = runtime.GetOrRegister(payload);
            int existing = accesses.FindIndex(a => ReferenceEquals(a.Handle, handle));
            if (existing >= 0)
            {
                if (input && accesses[existing].Mode == AccessMode.Write)
                {
                    accesses[existing] = new DataAccess(handle, AccessMode.ReadWrite);
                }

                indices[m] = existing;
                continue;
            }

            var mode = input ? AccessMode.Read : options.ReadWriteMembers.Contains(members[m].Name) ? AccessMode.ReadWrite : AccessMode.Write;
            indices[m] = accesses.Count;
            accesses.Add(new DataAccess(handle, mode));
        }

        return indices;
    }

    private TaskImplementation Implementation(WorkerClass c)
    {
        bool clash = classes.Count(o => o.Strategy == c.Strategy) > 1;
        return new TaskImplementation(clash ? $"{c.Strategy} ({c.Architecture})" : c.Strategy, c.Workers[0].Device.Kind, Run)
        {
            Accepts = w => w.Architecture == c.Architecture && w.Node == c.Node,
        };
    }

    /// <summary>The task's work on one worker: its own algorithm instance, the wrappers over the worker's replicas.</summary>
    private void Run(TaskContext context)
    {
        var call = (Call)context.Argument!;
        var worker = context.Worker;
        var instance = instances.GetOrAdd(worker.Name, _ => Create(worker));
        TOut o = call.Output;
        TIn i = call.Input;
        if (!worker.Device.MemoryNode.IsHost)
        {
            o = WrapperRebinder.Rebind(o, Replicas(o, call.OutputAccess, context));
            i = WrapperRebinder.Rebind(i, Replicas(i, call.InputAccess, context));
        }

        instance.Execute(o, i);
        instance.Synchronize();
    }

    /// <summary>
    /// Each member's payload as this call describes it (its logical descriptor and element type: a buffer reused with
    /// another Fourier state, shape or type, such as an in-place transform's complex input and real output, is described
    /// by the call, not by its first registration) over the bytes of its replica on the worker's node.
    /// </summary>
    private static IPayload?[] Replicas(PayloadWrapper wrapper, int[] access, TaskContext context)
    {
        var members = wrapper.Members;
        var payloads = new IPayload?[access.Length];
        for (int m = 0; m < access.Length; m++)
        {
            if (access[m] >= 0 && members[m].Payload is { } own)
            {
                payloads[m] = PayloadViews.WithPhysical(own, context.Payload(access[m]).Physical with { Type = own.Physical.Type });
            }
        }

        return payloads;
    }

    private IAlgorithm<TOut, TIn, TSettings> Create(IWorker worker)
    {
        var c = classes.First(c => c.Workers.Contains(worker));
        var instance = factory(worker);
        var result = instance.Init(c.Output, c.Input, settings!);
        if (!result.Success)
        {
            instance.Dispose();
            throw new AlgorithmInitException(result);
        }

        return instance;
    }

    private static T Describe<T>(T wrapper, MemoryNode node)
        where T : PayloadWrapper =>
        WrapperRebinder.Rebind(wrapper, [.. wrapper.Members.Select(m => m.Payload is { } p ? PayloadViews.WithPhysical(p, PhysicalDescriptor.Empty(p.Physical.Type, node)) : null)]);

    private static string CodeletName(string algorithm, TSettings settings)
    {
        ulong hash = 14695981039346656037UL;
        foreach (char ch in settings.ToString() ?? string.Empty)
        {
            hash = (hash ^ ch) * 1099511628211UL;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{algorithm}#{hash & 0xFFFFFFFF:x8}");
    }
}
