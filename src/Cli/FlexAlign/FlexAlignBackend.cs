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
    /// <c>auto</c> (every worker of a task runtime, see <see cref="AutoOptions"/>).
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
    /// The runtime of <c>auto</c>: one one-core CPU worker per thread (so batches of frames and blocks of pairs run side
    /// by side, each single-threaded), the policy from <c>OOMPA_SCHED</c> (default dmda), performance models kept per
    /// host across runs. Every worker's algorithms come from <see cref="WorkerStrategies"/>, which gives an OpenCL worker
    /// (its device an <see cref="OpenClDevice"/>) the OpenCL strategies of its device; OpenCL workers join here once the
    /// scheduler's options provide them.
    /// </summary>
    public static RuntimeOptions AutoOptions(int threads, ILogger? logger = null) =>
        new() { Workers = CpuWorker.Split(threads), Logger = logger };

    /// <summary>Disposes the runtime of <c>auto</c>.</summary>
    public void Dispose() => runtime?.Dispose();
}
