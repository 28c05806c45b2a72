using Oompa.Scheduler.Tasks;

namespace Oompa.Scheduler.Simulation;

/// <summary>
/// Simulated seconds an implementation of a codelet takes on one worker for a task of the given size (the task's
/// declared <see cref="TaskOptions.Size"/>, else the bytes of its data). Must be finite and non-negative for every
/// implementation the worker can run.
/// </summary>
public delegate double SpeedFunction(Codelet codelet, TaskImplementation implementation, long size);
