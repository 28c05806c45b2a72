using Microsoft.Extensions.Logging;
using Oompa.Scheduler.Models;
using Oompa.Scheduler.Nodes;
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

    /// <summary>Cancelling stops submission, cancels tasks that have not started and lets running ones finish.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>Logger for decisions and warnings.</summary>
    public ILogger? Logger { get; init; }
}
