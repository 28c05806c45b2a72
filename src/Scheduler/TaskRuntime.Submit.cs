using Oompa.Core.Devices;
using Oompa.Scheduler.Data;
using Oompa.Scheduler.Tasks;

namespace Oompa.Scheduler;

/// <summary>Submission: validation, dependencies, reductions.</summary>
public sealed partial class TaskRuntime
{
    /// <summary>Submits a task; it runs once the tasks it depends on (by data access or explicitly) are done.</summary>
    /// <exception cref="ArgumentException">A handle of another runtime, a handle twice, a mode the handle does not
    /// support, or a codelet no worker can run.</exception>
    /// <exception cref="OperationCanceledException">The runtime's cancellation token was cancelled.</exception>
    public ScheduledTask Submit(Codelet codelet, IReadOnlyList<DataAccess> accesses, TaskOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(codelet);
        ArgumentNullException.ThrowIfNull(accesses);
        options ??= TaskOptions.Default;
        DataAccess[] array = [.. accesses];
        Validate(codelet, array);
        var (footprint, size) = Footprint.Of(array, options.Size);
        ScheduledTask task;
        CopyOrder[]? batch;
        lock (gate)
        {
            ThrowIfDisposed();
            if (canceled || this.options.CancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException("The task runtime was cancelled; no more tasks are accepted.", this.options.CancellationToken);
            }

            var binding = BindingLocked(codelet);
            task = new ScheduledTask(gate, ++nextTaskId, codelet, array, options) { Footprint = footprint, Size = size, Binding = binding };
            outstanding++;
            Trace?.Submitted(task);
            Dependencies.Track(task, options.DependsOn, CloseReductionLocked, Trace, slots.Length);
            Urgency.Submitted(task, host.Estimate(task));
            SettleLocked(task);
            batch = TakeDeferredLocked();
        }

        StartCopies(batch);
        return task;
    }

    /// <summary>Submits a task with the given accesses and default options.</summary>
    public ScheduledTask Submit(Codelet codelet, params DataAccess[] accesses) => Submit(codelet, accesses, null);

    private void Validate(Codelet codelet, DataAccess[] accesses)
    {
        for (int i = 0; i < accesses.Length; i++)
        {
            var (h, mode) = accesses[i];
            CheckOwned(h);
            for (int j = 0; j < i; j++)
            {
                if (ReferenceEquals(accesses[j].Handle, h))
                {
                    throw new ArgumentException($"Codelet '{codelet.Name}': handle {h} appears twice; use one access (ReadWrite for read and write).", nameof(accesses));
                }
            }

            if (h.IsScratch != (mode == AccessMode.Scratch))
            {
                throw new ArgumentException($"Codelet '{codelet.Name}': handle {h} is {(h.IsScratch ? "a scratch handle; use AccessMode.Scratch" : "not a scratch handle; register one with RegisterScratch")}.", nameof(accesses));
            }

            if (mode == AccessMode.Reduction)
            {
                if (h.Reduction is null)
                {
                    throw new ArgumentException($"Codelet '{codelet.Name}': handle {h} has no ReductionOperation; register it with one to use AccessMode.Reduction.", nameof(accesses));
                }

                if (!slots.Any(s => s.Description.Kind == DeviceKind.Cpu))
                {
                    throw new ArgumentException($"Codelet '{codelet.Name}': reductions are combined on a CPU worker and this runtime has none.", nameof(accesses));
                }
            }
        }
    }

    private CodeletBinding BindingLocked(Codelet codelet)
    {
        if (!bindings.TryGetValue(codelet, out var binding))
        {
            binding = new CodeletBinding(codelet, slots, PerformanceModel);
            if (binding.Capable == 0)
            {
                throw new ArgumentException(
                    $"No worker can run codelet '{codelet.Name}': its implementations target {string.Join(", ", codelet.Implementations.Select(i => $"{i.Name} ({i.Target})"))}, " +
                    $"the workers are {string.Join(", ", slots.Select(s => $"{s.Name} ({s.Description.Kind})"))}.",
                    nameof(codelet));
            }

            bindings.Add(codelet, binding);
        }

        return binding;
    }

    /// <summary>After its edges are known: fail, cancel or queue a task that waits for nothing.</summary>
    private void SettleLocked(ScheduledTask task)
    {
        if (task.FailedDependency is { } failed)
        {
            FinishLocked(task, failed.Status, failed.Exception, null);
        }
        else if (task.PendingDependencies == 0)
        {
            ReadyLocked(task, null);
        }
    }

    /// <summary>Ends a handle's reduction: a host task combines the private copies into the data.</summary>
    private void CloseReductionLocked(DataHandle h)
    {
        var phase = h.Phase!;
        h.Phase = null;
        var combine = new ScheduledTask(gate, ++nextTaskId, combineCodelet, [new DataAccess(h, AccessMode.ReadWrite)], new TaskOptions { Name = $"reduce {h.Name}" })
        {
            CombinePhase = phase,
            Binding = BindingLocked(combineCodelet),
        };
        outstanding++;
        Trace?.Submitted(combine);
        foreach (var t in phase.Tasks)
        {
            Dependencies.AddEdge(t, combine, Trace);
        }

        Dependencies.WriteAfter(h, combine, Trace);
        SettleLocked(combine);
    }

    /// <summary>The combine task's work: fold every private copy into the host data (device copies come home first).</summary>
    private void RunCombine(TaskContext context)
    {
        var task = context.Task;
        var phase = task.CombinePhase!;
        var h = context.Handle(0);
        var target = context.Payload(0);
        foreach (var priv in phase.Privates)
        {
            if (priv is null)
            {
                continue;
            }

            if (priv.NodeIndex == 0)
            {
                h.Reduction!.Combine(target, priv.View!);
                continue;
            }

            using var temporary = providers[0].Allocate(h.Bytes);
            var home = temporary.Describe(target.Physical.Type);
            providers[priv.NodeIndex].CopyAsync(priv.Physical!, home, h.Bytes).GetAwaiter().GetResult();
            h.Reduction!.Combine(target, PayloadViews.WithPhysical(target, home));
        }
    }
}
