using Oompa.Core.Devices;
using Oompa.Scheduler.Tasks;

namespace Oompa.Scheduler.Workers;

/// <summary>
/// A processing unit the runtime gives tasks to: a group of CPU cores or one device. The runtime runs each worker on its
/// own thread and calls <see cref="Run"/> for one task at a time, with the task's data already valid on
/// <see cref="IDevice.MemoryNode"/> of <see cref="Device"/>. A device backend implements this interface together with an
/// <see cref="Nodes.IMemoryNodeProvider"/> for the device's memory.
/// </summary>
public interface IWorker
{
    /// <summary>A unique name for traces and messages, for example <c>cpu3</c> or <c>gpu0</c>.</summary>
    string Name { get; }

    /// <summary>The device the worker runs on; its memory node is where the task's payloads live.</summary>
    IDevice Device { get; }

    /// <summary>
    /// The performance-model key of this kind of worker: workers with equal architectures share timing history (for
    /// example every one-core CPU worker of a host), workers that differ in speed must differ here.
    /// </summary>
    string Architecture { get; }

    /// <summary>Cores the worker owns (multi-threaded CPU strategies may use them all); 1 for a device.</summary>
    int Cores { get; }

    /// <summary>
    /// Runs one implementation of a task and returns when its work has finished (a device worker waits for its queue),
    /// so that the runtime can time it and release the task's dependants.
    /// </summary>
    void Run(TaskImplementation implementation, TaskContext context);
}
