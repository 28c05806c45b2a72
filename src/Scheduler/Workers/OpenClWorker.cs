using Oompa.Core.Devices;
using Oompa.Core.Devices.OpenCl;
using Oompa.Core.Native;
using Oompa.Scheduler.Tasks;

namespace Oompa.Scheduler.Workers;

/// <summary>
/// The worker of one OpenCL device. Implementations (targeting <see cref="DeviceKind.Accelerator"/>) find their
/// payloads on the device's memory node as <see cref="OpenClBuffer"/>s (<see cref="OpenClBuffer.Of"/>) and the device
/// in <see cref="Device"/> (<c>((OpenClWorker)context.Worker).Device</c>); they enqueue their kernels on
/// <see cref="OpenClDevice.ComputeQueue"/> and may return at once: the worker waits for the compute queue before the
/// task counts as done. The runtime starts a task only after the copies that bring its data have completed, so its
/// kernels are ordered after them. Pair it with an <see cref="Nodes.OpenCl.OpenClNodeProvider"/> of the same device
/// (see <see cref="RuntimeOptions.WithOpenCl"/>).
/// </summary>
public sealed class OpenClWorker : IWorker
{
    /// <summary>Creates the worker of <paramref name="device"/>, named <paramref name="name"/> or <c>opencl{Index}</c>.</summary>
    public OpenClWorker(OpenClDevice device, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(device);
        Device = device;
        Name = name ?? $"opencl{device.Index}";
        ArgumentException.ThrowIfNullOrWhiteSpace(Name, nameof(name));
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The device the kernels run on.</summary>
    public OpenClDevice Device { get; }

    /// <inheritdoc />
    IDevice IWorker.Device => Device;

    /// <inheritdoc />
    /// <remarks>The device's identity: devices of one model share timing history.</remarks>
    public string Architecture => Device.Identity;

    /// <inheritdoc />
    public int Cores => 1;

    /// <inheritdoc />
    public void Run(TaskImplementation implementation, TaskContext context)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        try
        {
            implementation.Run(context);
        }
        catch
        {
            // Kernels already enqueued may still use the task's buffers: let them end before the runtime releases them.
            try
            {
                Device.ComputeQueue.Finish();
            }
            catch (NativeCallException)
            {
                // The task's own exception is the one to report.
            }

            throw;
        }

        Device.ComputeQueue.Finish();
    }

    /// <summary>Formats as the name and the device.</summary>
    public override string ToString() => $"{Name} ({Device.Name})";
}
