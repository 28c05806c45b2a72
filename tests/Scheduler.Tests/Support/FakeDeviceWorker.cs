using Oompa.Core.Devices;
using Oompa.Scheduler.Tasks;
using Oompa.Scheduler.Workers;

namespace Oompa.Scheduler.Tests.Support;

/// <summary>A worker of a <see cref="FakeDevice"/>: runs accelerator implementations on its own thread.</summary>
public sealed class FakeDeviceWorker(int index, string? name = null) : IWorker
{
    public string Name { get; } = name ?? $"fake{index}";

    public IDevice Device { get; } = new FakeDevice(index);

    public string Architecture => "fake-accelerator";

    public int Cores => 1;

    public void Run(TaskImplementation implementation, TaskContext context) => implementation.Run(context);
}
