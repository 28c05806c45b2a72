namespace Oompa.Scheduler.Simulation;

/// <summary>
/// Lower bounds of the makespan of a simulated graph: no schedule can finish before any of them.
/// </summary>
/// <param name="CriticalPath">The longest dependency chain with every task at its fastest implementation (transfers free).</param>
/// <param name="Area">Total minimal work (each task at its fastest implementation) divided by the number of workers.</param>
/// <param name="ClassArea">
/// The fractional area bound over worker classes (workers of one architecture form a class): the least T such that
/// the work can be split between the classes with no class doing more than its workers × T. Equal to
/// <see cref="Area"/> with one class; exact for two classes (CPUs and GPUs); for more classes it falls back to <see cref="Area"/>.
/// </param>
public sealed record LowerBound(double CriticalPath, double Area, double ClassArea)
{
    /// <summary>max(critical path, area): the bound the scheduler's tests compare with.</summary>
    public double Value => Math.Max(CriticalPath, Area);

    /// <summary>max(critical path, class area): tighter on heterogeneous workers.</summary>
    public double Tight => Math.Max(CriticalPath, ClassArea);
}
