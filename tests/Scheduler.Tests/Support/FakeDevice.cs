using Oompa.Core.Data;
using Oompa.Core.Devices;

namespace Oompa.Scheduler.Tests.Support;

/// <summary>An accelerator that exists only in tests: its memory node is device <c>index</c>.</summary>
public sealed class FakeDevice(int index) : IDevice
{
    public string Name => $"fake accelerator {index}";

    public string Identity => $"fake|{index}";

    public DeviceKind Kind => DeviceKind.Accelerator;

    public MemoryNode MemoryNode => MemoryNode.Device(index);

    public int ComputeUnits => 1;
}
