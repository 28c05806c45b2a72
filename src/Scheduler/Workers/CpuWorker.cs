using System.Globalization;
using Oompa.Core.Devices;
using Oompa.Scheduler.Tasks;

namespace Oompa.Scheduler.Workers;

/// <summary>A CPU worker owning <see cref="Cores"/> cores: implementations run on its thread with host payloads.</summary>
public sealed class CpuWorker : IWorker
{
    /// <summary>Creates a worker named <paramref name="name"/> that owns <paramref name="cores"/> cores.</summary>
    public CpuWorker(string name, int cores = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(cores, 1);
        Name = name;
        Cores = cores;
        Device = new CpuDevice(cores);
        Architecture = string.Create(CultureInfo.InvariantCulture, $"cpu|{Device.Name}|{cores}c");
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The CPU restricted to this worker's cores: multi-threaded strategies use <see cref="CpuDevice.Threads"/>.</summary>
    public CpuDevice Device { get; }

    /// <inheritdoc />
    IDevice IWorker.Device => Device;

    /// <inheritdoc />
    public string Architecture { get; }

    /// <inheritdoc />
    public int Cores { get; }

    /// <summary>
    /// <paramref name="total"/> cores split into workers of <paramref name="coresPerWorker"/> cores each (the last one
    /// takes the remainder), named <c>cpu0</c>, <c>cpu1</c>, ...; by default one worker per core of this machine.
    /// </summary>
    public static IReadOnlyList<CpuWorker> Split(int? total = null, int coresPerWorker = 1)
    {
        int cores = total ?? Environment.ProcessorCount;
        ArgumentOutOfRangeException.ThrowIfLessThan(cores, 1, nameof(total));
        ArgumentOutOfRangeException.ThrowIfLessThan(coresPerWorker, 1);
        var workers = new List<CpuWorker>();
        for (int start = 0, i = 0; start < cores; start += coresPerWorker, i++)
        {
            workers.Add(new CpuWorker(string.Create(CultureInfo.InvariantCulture, $"cpu{i}"), Math.Min(coresPerWorker, cores - start)));
        }

        return workers;
    }

    /// <inheritdoc />
    public void Run(TaskImplementation implementation, TaskContext context)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        implementation.Run(context);
    }

    /// <summary>Formats as the name and core count.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name} ({Cores} cores)");
}
