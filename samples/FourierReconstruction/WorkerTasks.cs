namespace Oompa.Samples.FourierReconstruction;

/// <summary>What one worker of the task runtime did during an <c>auto</c> reconstruction.</summary>
/// <param name="Name">The worker (<c>cpu0</c>, <c>opencl0</c>, ...).</param>
/// <param name="Tasks">Tasks it ran (one per insertion batch).</param>
/// <param name="BusySeconds">Time it spent running them.</param>
public sealed record WorkerTasks(string Name, long Tasks, double BusySeconds);
