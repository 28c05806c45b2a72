using Microsoft.Extensions.Logging;
using Oompa.Core.Devices;
using Oompa.Core.Devices.OpenCl;
using Oompa.Samples.FlexAlign.Global;
using Oompa.Scheduler;
using Oompa.Scheduler.Workers;

namespace Oompa.Cli.FlexAlign;

/// <summary>
/// The compute backend of one <c>flexalign</c>/<c>demo</c> run: the algorithm provider and, for <c>auto</c>, the task
/// runtime it runs on (owned here, disposed after the run, which saves the learnt performance models).
/// </summary>
internal sealed class FlexAlignBackend : IDisposable
{
    private readonly TaskRuntime? runtime;

    private FlexAlignBackend(AlgorithmProvider algorithms, TaskRuntime? runtime)
    {
        Algorithms = algorithms;
        this.runtime = runtime;
    }

    /// <summary>The names <c>--backend</c> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = ["cpu", "opencl", "auto"];

    /// <summary>The algorithms of this backend.</summary>
    public AlgorithmProvider Algorithms { get; }

    /// <summary>
    /// Opens backend <paramref name="name"/>: <c>cpu</c> (the multi-threaded CPU strategies on
    /// <paramref name="device"/>), <c>opencl</c> (the first OpenCL device first, the CPU for what it declines) or
    /// <c>auto</c> (every worker of a task runtime, see <see cref="AutoOptions(int, ILogger?)"/>).
    /// </summary>
    /// <exception cref="ArgumentException">An unknown name.</exception>
    public static FlexAlignBackend Open(string name, CpuDevice device, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(device);
        switch (name)
        {
            case "cpu":
                return new FlexAlignBackend(new AlgorithmProvider(device, loggerFactory), null);
            case "opencl":
                return new FlexAlignBackend(new AlgorithmProvider(device, loggerFactory, OpenClDevices.Require()), null);
            case "auto":
                var runtime = new TaskRuntime(AutoOptions(device.Threads, loggerFactory.CreateLogger("Oompa.Scheduler")));
                return new FlexAlignBackend(AlgorithmProvider.Scheduled(runtime, device, loggerFactory), runtime);
            default:
                throw new ArgumentException($"Backend '{name}' is not available; available backends: {string.Join(", ", Names)}.", nameof(name));
        }
    }

    /// <summary>
    /// The runtime of <c>auto</c>: every OpenCL GPU or accelerator (<see cref="OpenClDevices.Accelerators"/>) as a worker
    /// with its memory node, plus one one-core CPU worker per thread (so batches of frames and blocks of pairs run side by
    /// side, each single-threaded). An OpenCL driver on the CPU (pocl) is left out: it would compute on the cores the CPU
    /// workers already use and only add kernel compilation (on this 2-core machine the demo took 65 s with it instead of
    /// about 4 s). The policy comes from <c>OOMPA_SCHED</c> (default dmda) and
    /// performance models are kept per host across runs. Every worker's algorithms come from
    /// <see cref="WorkerStrategies"/>: CPU strategies for a CPU worker, the device's OpenCL strategies for an OpenCL one.
    /// </summary>
    public static RuntimeOptions AutoOptions(int threads, ILogger? logger = null) => AutoOptions(threads, OpenClDevices.Accelerators, logger);

    /// <summary>
    /// The runtime of <c>auto</c> over the given OpenCL <paramref name="devices"/> (see the other overload); when one of
    /// them runs on the host's CPU (pocl), one thread fewer is given to CPU workers, since it computes on the same cores.
    /// </summary>
    public static RuntimeOptions AutoOptions(int threads, IReadOnlyList<OpenClDevice> devices, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(devices);
        bool sharesCores = devices.Any(d => d.Info.Type.HasFlag(OpenClDeviceType.Cpu));
        int cpuThreads = sharesCores ? Math.Max(1, threads - 1) : threads;
        return new RuntimeOptions { Workers = CpuWorker.Split(cpuThreads), Logger = logger }.WithOpenCl(devices);
    }

    /// <summary>Disposes the runtime of <c>auto</c>.</summary>
    public void Dispose() => runtime?.Dispose();
}
