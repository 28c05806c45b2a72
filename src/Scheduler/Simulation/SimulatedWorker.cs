using Oompa.Core.Data;
using Oompa.Core.Devices;
using Oompa.Scheduler.Workers;

namespace Oompa.Scheduler.Simulation;

/// <summary>A declared worker of a simulation: what it is and how fast it runs each implementation.</summary>
/// <param name="Name">Unique name.</param>
/// <param name="Kind">CPU or accelerator.</param>
/// <param name="Node">Its memory node (the host for CPU workers).</param>
/// <param name="Speed">Seconds per task.</param>
public sealed record SimulatedWorker(string Name, DeviceKind Kind, MemoryNode Node, SpeedFunction Speed)
{
    /// <summary>Performance-model key; workers with equal architecture share learned models (default: the kind).</summary>
    public string? Architecture { get; init; }

    /// <summary>A CPU worker on the host.</summary>
    public static SimulatedWorker Cpu(string name, SpeedFunction speed) => new(name, DeviceKind.Cpu, MemoryNode.Host, speed);

    /// <summary>An accelerator with its own memory node <c>device{index}</c>.</summary>
    public static SimulatedWorker Gpu(string name, int index, SpeedFunction speed) => new(name, DeviceKind.Accelerator, MemoryNode.Device(index), speed);

    internal WorkerDescription Describe() => new(Name, Kind, Node, Architecture ?? Kind.ToString(), 1);
}
