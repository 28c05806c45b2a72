using Oompa.Algorithms.Common;

namespace Oompa.Algorithms.Fft.Fftw;

/// <summary>FFTW plans by key (see <see cref="PlanCache{TKey, TPlan}"/>); planning is serialised by <see cref="FftwPlanner"/>.</summary>
internal sealed class FftwPlanCache(int idleCapacity) : PlanCache<FftwPlanKey, FftwPlan>(idleCapacity, FftwPlanner.Create)
{
    /// <summary>The process-wide cache, keeping up to 64 idle plans.</summary>
    public static FftwPlanCache Shared { get; } = new(idleCapacity: 64);

    /// <summary>A lease on the plan for <paramref name="key"/>; null when FFTW cannot plan it.</summary>
    public PlanLease<FftwPlanKey, FftwPlan>? Acquire(FftwPlanKey key) => TryAcquire(key);
}
