using System.Runtime.CompilerServices;
using Oompa.Algorithms.Common;
using Oompa.Core.Devices.OpenCl;

namespace Oompa.Algorithms.Fft.ClFft;

/// <summary>
/// clFFT plans of one device by key (see <see cref="PlanCache{TKey, TPlan}"/>): baking compiles kernels, so plans are
/// kept and shared across strategies of the device.
/// </summary>
internal sealed class ClFftPlanCache : PlanCache<ClFftPlanKey, ClFftPlan>
{
    private static readonly ConditionalWeakTable<OpenClDevice, ClFftPlanCache> PerDevice = [];
    private static long plansBaked;

    public ClFftPlanCache(OpenClDevice device, int idleCapacity)
        : base(idleCapacity, key => Bake(device, key))
    {
        ArgumentNullException.ThrowIfNull(device);
        Device = device;
    }

    /// <summary>Plans baked in this process (every cache), for tests of reuse.</summary>
    public static long PlansBaked => Interlocked.Read(ref plansBaked);

    /// <summary>The device the plans run on.</summary>
    public OpenClDevice Device { get; }

    /// <summary>The cache of <paramref name="device"/>, keeping up to 64 idle plans.</summary>
    public static ClFftPlanCache For(OpenClDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        return PerDevice.GetValue(device, d => new ClFftPlanCache(d, idleCapacity: 64));
    }

    /// <summary>A lease on the plan for <paramref name="key"/>, baking it when needed.</summary>
    /// <exception cref="Oompa.Core.Native.NativeCallException">clFFT cannot bake the plan.</exception>
    public PlanLease<ClFftPlanKey, ClFftPlan> Acquire(ClFftPlanKey key) => TryAcquire(key)!;

    private static ClFftPlan Bake(OpenClDevice device, ClFftPlanKey key)
    {
        var plan = ClFftPlan.Create(device, key);
        Interlocked.Increment(ref plansBaked);
        return plan;
    }
}
