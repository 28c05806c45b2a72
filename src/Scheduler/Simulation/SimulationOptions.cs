using Oompa.Scheduler.Models;

namespace Oompa.Scheduler.Simulation;

/// <summary>How a simulation runs.</summary>
public sealed record SimulationOptions
{
    /// <summary>The declared workers (at least one).</summary>
    public required IReadOnlyList<SimulatedWorker> Workers { get; init; }

    /// <summary>Copy time between nodes; default free.</summary>
    public TransferFunction? Transfer { get; init; }

    /// <summary>The policy's name; null reads <c>OOMPA_SCHED</c>, else dmda.</summary>
    public string? Policy { get; init; }

    /// <summary>α of dm* fitness.</summary>
    public double Alpha { get; init; } = 1;

    /// <summary>β of dmda/dmdar fitness.</summary>
    public double Beta { get; init; } = 1;

    /// <summary>
    /// False (default): the policy predicts with the declared speed functions, as with calibrated models. True: it
    /// predicts with a <see cref="PerformanceModel"/> that learns from simulated times, exploring while uncalibrated.
    /// </summary>
    public bool LearnModels { get; init; }

    /// <summary>How learned models learn.</summary>
    public ModelOptions Models { get; init; } = ModelOptions.Default;

    /// <summary>Whether <see cref="SimulationResult.Trace"/> keeps the timeline.</summary>
    public bool Trace { get; init; }
}
