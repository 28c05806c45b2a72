namespace Oompa.Algorithms.Common;

/// <summary>A strategy's use of a cached plan; disposing returns it to the cache (idempotent).</summary>
internal sealed class PlanLease<TKey, TPlan> : IDisposable
    where TKey : notnull
    where TPlan : class, IDisposable
{
    private readonly PlanCache<TKey, TPlan> cache;
    private readonly PlanCache<TKey, TPlan>.Entry entry;
    private int disposed;

    internal PlanLease(PlanCache<TKey, TPlan> cache, PlanCache<TKey, TPlan>.Entry entry)
    {
        this.cache = cache;
        this.entry = entry;
    }

    /// <summary>The shared plan.</summary>
    public TPlan Plan => entry.Plan;

    /// <summary>The plan's key.</summary>
    public TKey Key => entry.Key;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            cache.Release(entry);
        }
    }
}
