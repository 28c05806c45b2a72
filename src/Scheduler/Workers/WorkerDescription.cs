using Oompa.Core.Data;
using Oompa.Core.Devices;

namespace Oompa.Scheduler.Workers;

/// <summary>What scheduling decisions know about a worker, real or simulated.</summary>
/// <param name="Name">Unique name.</param>
/// <param name="Kind">CPU or accelerator: implementations target one kind.</param>
/// <param name="Node">The memory node whose data the worker reads.</param>
/// <param name="Architecture">Performance-model key (see <see cref="IWorker.Architecture"/>).</param>
/// <param name="Cores">Cores the worker owns.</param>
public sealed record WorkerDescription(string Name, DeviceKind Kind, MemoryNode Node, string Architecture, int Cores)
{
    /// <summary>The description of a real worker.</summary>
    public static WorkerDescription Of(IWorker worker)
    {
        ArgumentNullException.ThrowIfNull(worker);
        return new(worker.Name, worker.Device.Kind, worker.Device.MemoryNode, worker.Architecture, worker.Cores);
    }
}
