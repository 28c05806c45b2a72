using Oompa.Scheduler.Tasks;

namespace Oompa.Scheduler.Tests.Support;

/// <summary>Access to task data on CPU workers (host pointers) and fake devices (fake buffers) alike.</summary>
internal static class Kernels
{
    public static Span<double> Doubles(TaskContext context, int index)
    {
        var buffer = context.Buffer(index);
        if (buffer.Node.IsHost)
        {
            Assert.Equal(Core.Devices.DeviceKind.Cpu, context.Worker.Device.Kind);
            return context.Span<double>(index);
        }

        Assert.Equal(context.Worker.Device.MemoryNode, buffer.Node);
        Assert.Equal(0, buffer.Pointer);
        return ((FakeBuffer)buffer.Handle!).Span<double>();
    }
}
