using Oompa.Core.Devices;
using Oompa.Scheduler.Workers;

namespace Oompa.Scheduler.Tasks;

/// <summary>One way to run a codelet, on one kind of worker (a StarPU codelet's <c>cpu_func</c> or <c>opencl_func</c>).</summary>
/// <param name="Name">A name unique within the codelet, for example a strategy name such as <c>Cpu.MultiThreaded</c>.</param>
/// <param name="Target">The kind of worker it runs on.</param>
/// <param name="Run">The work; it finds its payloads, already on the worker's memory node, in the context.</param>
public sealed record TaskImplementation(string Name, DeviceKind Target, Action<TaskContext> Run)
{
    /// <summary>An optional further restriction to some workers of <see cref="Target"/> kind (for example one device).</summary>
    public Func<WorkerDescription, bool>? Accepts { get; init; }

    /// <summary>An implementation for simulation only: the simulator never runs it, it takes the declared time.</summary>
    public static TaskImplementation Simulated(string name, DeviceKind target) => new(name, target, static _ => { });

    /// <summary>Whether the implementation can run on <paramref name="worker"/>.</summary>
    public bool CanRunOn(WorkerDescription worker)
    {
        ArgumentNullException.ThrowIfNull(worker);
        return worker.Kind == Target && (Accepts is null || Accepts(worker));
    }
}
