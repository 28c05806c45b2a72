namespace Oompa.Samples.FlexAlign.Phantom;

/// <summary>A small, fast, seedable generator (SplitMix64) with a Poisson sampler for small means.</summary>
internal struct SplitMix64(ulong seed)
{
    private ulong state = seed;

    /// <summary>A uniform double in [0, 1).</summary>
    public double NextDouble()
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>A Poisson sample of mean <paramref name="mu"/> (Knuth's product method; meant for μ of a few counts).</summary>
    public int NextPoisson(double mu)
    {
        double limit = Math.Exp(-mu);
        int k = 0;
        double p = NextDouble();
        while (p > limit)
        {
            k++;
            p *= NextDouble();
        }

        return k;
    }
}
