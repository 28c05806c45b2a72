using Oompa.Core.Devices;
using Oompa.Core.Devices.OpenCl;
using Oompa.Scheduler.Nodes.OpenCl;
using Oompa.Scheduler.Tasks;
using Oompa.Scheduler.Workers;

namespace Oompa.Scheduler.Tests.Support.OpenCl;

/// <summary>Runtime set-ups with CPU workers and one real OpenCL worker, built with <see cref="RuntimeOptions.WithOpenCl"/>.</summary>
internal static class OpenClRuntimes
{
    /// <summary><paramref name="cpus"/> CPU workers and the device's worker and node (the link calibrated at start-up).</summary>
    public static RuntimeOptions Options(OpenClDevice device, string policy = "dmda", int cpus = 1, long? memoryLimit = null) =>
        new RuntimeOptions
        {
            Workers = CpuWorker.Split(cpus),
            Policy = policy,
            PersistModels = false,
            Calibration = TestRuntimes.QuickCalibration,
            Models = TestRuntimes.QuickModels,
        }.WithOpenCl([device], memoryLimit);

    /// <summary>The runtime's OpenCL node.</summary>
    public static OpenClNodeProvider Node(TaskRuntime runtime) => runtime.Nodes.OfType<OpenClNodeProvider>().Single();

    /// <summary>A codelet with a CPU implementation and an OpenCL one.</summary>
    public static Codelet Both(string name, Action<TaskContext> cpu, Action<TaskContext> openCl) => new(
        name,
        new TaskImplementation("cpu", DeviceKind.Cpu, cpu),
        new TaskImplementation("opencl", DeviceKind.Accelerator, openCl));

    /// <summary>An OpenCL-only codelet.</summary>
    public static Codelet Device(string name, Action<TaskContext> openCl) => new(name, new TaskImplementation("opencl", DeviceKind.Accelerator, openCl));
}
