using System.Runtime.CompilerServices;
using Oompa.Core.Devices.OpenCl;

namespace Oompa.Algorithms.Fft.ClFft;

/// <summary>
/// The baked clFFT plans of one device by <see cref="ClFftPlanKey"/>. Baking generates and compiles OpenCL kernels,
/// which takes from a fraction of a second to seconds, so plans outlive the strategies that use them: users hold
/// <see cref="ClFftPlanLease"/>s, and a plan nobody holds stays cached (the most recently released
/// <c>idleCapacity</c> of them) so that re-initialising an algorithm does not bake again. Thread-safe.
/// </summary>
internal sealed class ClFftPlanCache
{
    private static readonly ConditionalWeakTable<OpenClDevice, ClFftPlanCache> PerDevice = [];
    private static long plansBaked;

    private readonly Dictionary<ClFftPlanKey, Entry> entries = [];
    private readonly LinkedList<Entry> idle = new();
    private readonly Lock gate = new();
    private readonly int idleCapacity;

    public ClFftPlanCache(OpenClDevice device, int idleCapacity)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentOutOfRangeException.ThrowIfNegative(idleCapacity);
        Device = device;
        this.idleCapacity = idleCapacity;
    }

    /// <summary>Plans baked in this process, by every cache.</summary>
    public static long PlansBaked => Interlocked.Read(ref plansBaked);

    /// <summary>The device whose plans this cache holds.</summary>
    public OpenClDevice Device { get; }

    /// <summary>Plans cached now, held or idle.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return entries.Count;
            }
        }
    }

    /// <summary>The cache every FourierTransform strategy on <paramref name="device"/> uses.</summary>
    public static ClFftPlanCache For(OpenClDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        return PerDevice.GetValue(device, d => new ClFftPlanCache(d, idleCapacity: 64));
    }

    /// <summary>A lease on the plan for <paramref name="key"/>, baking it on first use.</summary>
    /// <exception cref="Core.Native.NativeCallException">clFFT could not make the plan.</exception>
    public ClFftPlanLease Acquire(ClFftPlanKey key)
    {
        lock (gate)
        {
            if (!entries.TryGetValue(key, out var entry))
            {
                entry = new Entry(ClFftPlan.Create(Device, key));
                Interlocked.Increment(ref plansBaked);
                entries.Add(key, entry);
            }

            if (entry.IdleNode is { } node)
            {
                idle.Remove(node);
                entry.IdleNode = null;
            }

            entry.Users++;
            return new ClFftPlanLease(this, entry);
        }
    }

    /// <summary>Destroys every plan nobody holds.</summary>
    public void TrimIdle()
    {
        lock (gate)
        {
            Trim(0);
        }
    }

    internal void Release(Entry entry)
    {
        lock (gate)
        {
            if (--entry.Users == 0)
            {
                entry.IdleNode = idle.AddLast(entry);
                Trim(idleCapacity);
            }
        }
    }

    private void Trim(int keep)
    {
        while (idle.Count > keep)
        {
            var oldest = idle.First!.Value;
            idle.RemoveFirst();
            oldest.IdleNode = null;
            entries.Remove(oldest.Plan.Key);
            oldest.Plan.Dispose();
        }
    }

    internal sealed class Entry(ClFftPlan plan)
    {
        public ClFftPlan Plan { get; } = plan;

        public int Users { get; set; }

        public LinkedListNode<Entry>? IdleNode { get; set; }
    }
}
