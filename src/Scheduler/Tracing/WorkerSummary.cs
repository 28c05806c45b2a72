namespace Oompa.Scheduler.Tracing;

/// <summary>What one worker did.</summary>
/// <param name="Name">Worker name.</param>
/// <param name="Tasks">Tasks it ran.</param>
/// <param name="BusySeconds">Seconds running implementations.</param>
/// <param name="BusyFraction">Busy seconds over the elapsed time.</param>
public sealed record WorkerSummary(string Name, long Tasks, double BusySeconds, double BusyFraction);
