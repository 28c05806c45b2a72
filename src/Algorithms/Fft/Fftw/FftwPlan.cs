using System.Runtime.InteropServices;

namespace Oompa.Algorithms.Fft.Fftw;

/// <summary>An FFTW plan. Releasing it calls <c>fftwf_destroy_plan</c> under the planner lock.</summary>
internal sealed class FftwPlan : SafeHandle
{
    public FftwPlan()
        : base(0, ownsHandle: true)
    {
    }

    internal FftwPlan(nint plan, FftwPlanKey key)
        : base(0, ownsHandle: true)
    {
        SetHandle(plan);
        Key = key;
    }

    /// <summary>What the plan transforms, and for which pointers' alignment.</summary>
    public FftwPlanKey Key { get; }

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        FftwPlanner.Destroy(handle);
        return true;
    }
}
