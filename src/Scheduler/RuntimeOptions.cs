using Microsoft.Extensions.Logging;
using Oompa.Core.Devices.OpenCl;
using Oompa.Scheduler.Models;
using Oompa.Scheduler.Nodes;
using Oompa.Scheduler.Nodes.OpenCl;
using Oompa.Scheduler.Workers;

namespace Oompa.Scheduler;

/// <summary>How a <see cref="TaskRuntime"/> is set up. Every property has a usable default.</summary>
public sealed record RuntimeOptions
{
    /// <summary>The defaults: one CPU worker per core, dmda (or <c>$OOMPA_SCHED</c>), models persisted per host.</summary>
    public static RuntimeOptions Default { get; } = new();

    /// <summary>The workers; default one <see cref="CpuWorker"/> per core. Names must be unique.</summary>
    public IReadOnlyList<IWorker>? Workers { get; init; }

    /// <summary>Memory nodes besides the host (one per device); every worker's node needs a provider here.</summary>
    public IReadOnlyList<IMemoryNodeProvider> Nodes { get; init; } = [];

    /// <summary>The policy's name (see <see cref="Policies.SchedulingPolicies.Names"/>); null reads <c>OOMPA_SCHED</c>.</summary>
    public string? Policy { get; init; }

    /// <summary>The α weight of dm* fitness; null reads <c>OOMPA_SCHED_ALPHA</c>, else 1.</summary>
    public double? Alpha { get; init; }

    /// <summary>The β weight of dmda/dmdar fitness; null reads <c>OOMPA_SCHED_BETA</c>, else 1.</summary>
    public double? Beta { get; init; }

    /// <summary>How performance models learn (used when <see cref="PerformanceModel"/> is null).</summary>
    public ModelOptions Models { get; init; } = ModelOptions.Default;

    /// <summary>A model to use and update instead of loading one (it is still saved when persisting).</summary>
    public PerformanceModel? PerformanceModel { get; init; }

    /// <summary>A transfer model to use instead of loading one.</summary>
    public TransferModel? TransferModel { get; init; }

    /// <summary>Whether models are loaded from and saved to <see cref="ModelDirectory"/> (default true).</summary>
    public bool PersistModels { get; init; } = true;

    /// <summary>Folder of the model files; null: <see cref="ModelFiles.DefaultDirectory"/>.</summary>
    public string? ModelDirectory { get; init; }

    /// <summary>How uncalibrated links are measured at start-up.</summary>
    public TransferCalibrationOptions Calibration { get; init; } = TransferCalibrationOptions.Default;

    /// <summary>Whether to record a trace (tasks, transfers, edges) for Chrome trace and DOT export.</summary>
    public bool Trace { get; init; }

    /// <summary>The environment variable naming a trace file for runtimes whose <see cref="TraceFile"/> is null.</summary>
    public const string TraceVariable = "OOMPA_TRACE";

    /// <summary>
    /// Where <see cref="TaskRuntime.Dispose"/> writes the run's Chrome trace (JSON, for chrome://tracing or Perfetto)
    /// and, beside it with <c>.txt</c> appended, the run's <see cref="TaskRuntime.Summary"/>; both written atomically.
    /// Null: the file <c>OOMPA_TRACE</c> names, else none. Setting it records a trace.
    /// </summary>
    public string? TraceFile { get; init; }

    /// <summary>Cancelling stops submission, cancels tasks that have not started and lets running ones finish.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>Logger for decisions and warnings.</summary>
    public ILogger? Logger { get; init; }

    /// <summary>
    /// These options with one <see cref="OpenClWorker"/> and one <see cref="OpenClNodeProvider"/> per OpenCL device added
    /// next to the workers already given (by default one CPU worker per core): every device of
    /// <see cref="OpenClDevices.All"/> when <paramref name="devices"/> is null (none when OpenCL is unavailable), else the
    /// given ones. A device these options already serve is not added again. Distinct devices must have distinct
    /// <see cref="OpenClDevice.Index"/>es (their memory nodes).
    /// </summary>
    /// <param name="devices">The devices; null for all of this process's.</param>
    /// <param name="memoryLimit">Bytes the runtime may keep on each device; null for
    /// <see cref="OpenClNodeProvider.DefaultMemoryShare"/> of the device allocator's limit.</param>
    /// <remarks>
    /// An OpenCL device on the CPU (pocl) runs its kernels on the same cores as the CPU workers; give fewer CPU
    /// workers (<c>Workers = CpuWorker.Split(cores - 1)</c>) to keep a core for it.
    /// </remarks>
    public RuntimeOptions WithOpenCl(IEnumerable<OpenClDevice>? devices = null, long? memoryLimit = null)
    {
        var list = (devices ?? OpenClDevices.All).ToList();
        if (list.Any(d => d is null))
        {
            throw new ArgumentException("A device is null.", nameof(devices));
        }

        // A device already served (named twice, or added by an earlier call) keeps its one worker and node.
        var served = Nodes.OfType<OpenClNodeProvider>().Select(p => p.Device).ToHashSet();
        list = [.. list.Where(served.Add)];

        return this with
        {
            Workers = [.. Workers ?? CpuWorker.Split(), .. list.Select(d => new OpenClWorker(d))],
            Nodes = [.. Nodes, .. list.Select(d => new OpenClNodeProvider(d, memoryLimit))],
        };
    }
}
