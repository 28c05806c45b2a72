namespace Oompa.Algorithms.Fft.ClFft;

/// <summary>One user's hold on a cached plan; disposing returns it to its <see cref="ClFftPlanCache"/>.</summary>
internal sealed class ClFftPlanLease : IDisposable
{
    private readonly ClFftPlanCache cache;
    private readonly ClFftPlanCache.Entry entry;
    private int disposed;

    internal ClFftPlanLease(ClFftPlanCache cache, ClFftPlanCache.Entry entry)
    {
        this.cache = cache;
        this.entry = entry;
    }

    /// <summary>The plan; valid until this lease is disposed.</summary>
    public ClFftPlan Plan => entry.Plan;

    /// <summary>The plan's key.</summary>
    public ClFftPlanKey Key => entry.Plan.Key;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            cache.Release(entry);
        }
    }
}
