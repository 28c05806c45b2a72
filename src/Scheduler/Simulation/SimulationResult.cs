using Oompa.Scheduler.Tasks;
using Oompa.Scheduler.Tracing;

namespace Oompa.Scheduler.Simulation;

/// <summary>The outcome of a simulation.</summary>
/// <param name="Makespan">Virtual seconds from start to the end of the last task.</param>
/// <param name="Summary">Busy time per worker, bytes per link.</param>
/// <param name="Trace">The timeline, when requested.</param>
/// <param name="Tasks">Every task, with its worker and times.</param>
public sealed record SimulationResult(double Makespan, RuntimeSummary Summary, ExecutionTrace? Trace, IReadOnlyList<ScheduledTask> Tasks);
