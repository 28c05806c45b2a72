using Oompa.Core.Data;

namespace Oompa.Core.Devices;

/// <summary>A processor that strategies run on, with the memory node its data must live in.</summary>
public interface IDevice
{
    /// <summary>A human-readable name, for example the CPU model or GPU name.</summary>
    string Name { get; }

    /// <summary>A stable identity for persisted data (tuning results, performance models): vendor, name, driver, units.</summary>
    string Identity { get; }

    /// <summary>The kind of processor.</summary>
    DeviceKind Kind { get; }

    /// <summary>The memory node whose data this device reads directly.</summary>
    MemoryNode MemoryNode { get; }

    /// <summary>Parallel compute units (cores, or GPU multiprocessors).</summary>
    int ComputeUnits { get; }
}
