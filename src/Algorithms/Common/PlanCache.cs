namespace Oompa.Algorithms.Common;

/// <summary>
/// Plans (FFTW, clFFT) shared by key and leased to strategies. A plan is created on first request, shared by every
/// lease of its key, and kept idle after the last lease is released, so re-initialising an algorithm reuses it; the
/// oldest idle plans are destroyed beyond <c>idleCapacity</c>. Thread-safe.
/// </summary>
internal class PlanCache<TKey, TPlan>
    where TKey : notnull
    where TPlan : class, IDisposable
{
    private readonly Dictionary<TKey, Entry> entries = [];
    private readonly LinkedList<Entry> idle = new();
    private readonly Lock gate = new();
    private readonly int idleCapacity;
    private readonly Func<TKey, TPlan?> create;

    /// <summary>Creates a cache that makes plans with <paramref name="create"/> (null: the key cannot be planned).</summary>
    protected PlanCache(int idleCapacity, Func<TKey, TPlan?> create)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(idleCapacity);
        this.idleCapacity = idleCapacity;
        this.create = create;
    }

    /// <summary>Plans held (leased or idle).</summary>
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

    /// <summary>A lease on the plan for <paramref name="key"/>, creating it when needed; null when it cannot be made.</summary>
    public PlanLease<TKey, TPlan>? TryAcquire(TKey key)
    {
        lock (gate)
        {
            if (!entries.TryGetValue(key, out var entry))
            {
                var plan = create(key);
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
            return new PlanLease<TKey, TPlan>(this, entry);
        }
    }

    /// <summary>Destroys every idle plan.</summary>
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

    internal sealed class Entry(TKey key, TPlan plan)
    {
        public TKey Key { get; } = key;

        public TPlan Plan { get; } = plan;

        public int Users { get; set; }

        public LinkedListNode<Entry>? IdleNode { get; set; }
    }
}
