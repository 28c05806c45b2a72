namespace Oompa.Algorithms.Fft.Fftw;

/// <summary>
/// Process-wide cache of FFTW plans by <see cref="FftwPlanKey"/>. Users hold <see cref="FftwPlanLease"/>s; a plan nobody
/// holds stays cached (the most recently released <c>idleCapacity</c> of them) so that re-initialising an algorithm
/// does not re-plan. Thread-safe.
/// </summary>
internal sealed class FftwPlanCache
{
    private readonly Dictionary<FftwPlanKey, Entry> entries = [];
    private readonly LinkedList<Entry> idle = new();
    private readonly Lock gate = new();
    private readonly int idleCapacity;

    public FftwPlanCache(int idleCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(idleCapacity);
        this.idleCapacity = idleCapacity;
    }

    /// <summary>The cache every FourierTransform strategy uses.</summary>
    public static FftwPlanCache Shared { get; } = new(idleCapacity: 64);

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

    /// <summary>
    /// A lease on the plan for <paramref name="key"/>, planning it on first use; null when FFTW cannot plan such a
    /// transform (for example input preservation it does not support).
    /// </summary>
    public FftwPlanLease? Acquire(FftwPlanKey key)
    {
        lock (gate)
        {
            if (!entries.TryGetValue(key, out var entry))
            {
                var plan = FftwPlanner.Create(key);
                if (plan is null)
                {
                    return null;
                }

                entry = new Entry(key, plan);
                entries.Add(key, entry);
            }

            if (entry.IdleNode is { } node)
            {
                idle.Remove(node);
                entry.IdleNode = null;
            }

            entry.Users++;
            return new FftwPlanLease(this, entry);
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
            entries.Remove(oldest.Key);
            oldest.Plan.Dispose();
        }
    }

    internal sealed class Entry(FftwPlanKey key, FftwPlan plan)
    {
        public FftwPlanKey Key { get; } = key;

        public FftwPlan Plan { get; } = plan;

        public int Users { get; set; }

        public LinkedListNode<Entry>? IdleNode { get; set; }
    }
}
