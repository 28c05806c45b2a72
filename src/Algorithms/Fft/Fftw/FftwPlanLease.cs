namespace Oompa.Algorithms.Fft.Fftw;

/// <summary>One user's hold on a cached plan; disposing returns it to the <see cref="FftwPlanCache"/>.</summary>
internal sealed class FftwPlanLease : IDisposable
{
    private readonly FftwPlanCache cache;
    private readonly FftwPlanCache.Entry entry;
    private int disposed;

    internal FftwPlanLease(FftwPlanCache cache, FftwPlanCache.Entry entry)
    {
        this.cache = cache;
        this.entry = entry;
    }

    /// <summary>The plan; valid until this lease is disposed.</summary>
    public FftwPlan Plan => entry.Plan;

    /// <summary>The plan's key.</summary>
    public FftwPlanKey Key => entry.Key;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            cache.Release(entry);
        }
    }
}
