namespace Oompa.Algorithms.Fft;

/// <summary>
/// FFT-friendly sizes: even numbers of the form 2^a·3^b·5^c·7^d with a ≥ 1, which FFT libraries (FFTW, cuFFT, clFFT)
/// transform fastest (cuFFTAdvisor's first rule). Use it to pick a padded or cropped size near the one you have.
/// </summary>
public static class FastSize
{
    /// <summary>Whether <paramref name="size"/> is 2^a·3^b·5^c·7^d with a ≥ 1.</summary>
    public static bool IsFast(int size)
    {
        if (size < 2 || (size & 1) != 0)
        {
            return false;
        }

        int rest = size;
        foreach (int p in (ReadOnlySpan<int>)[2, 3, 5, 7])
        {
            while (rest % p == 0)
            {
                rest /= p;
            }
        }

        return rest == 1;
    }

    /// <summary>The smallest fast size at least <paramref name="size"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is below 1.</exception>
    /// <exception cref="OverflowException">No fast size of at least <paramref name="size"/> fits an <see cref="int"/>.</exception>
    public static int Next(int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        return Best(size, size, int.MaxValue, preferAbove: true)
            ?? throw new OverflowException($"No FFT-friendly size of at least {size} fits a 32-bit integer.");
    }

    /// <summary>
    /// The fast size nearest to <paramref name="size"/> within
    /// [size·(1 − <paramref name="maxFractionBelow"/>), size·(1 + <paramref name="maxFractionAbove"/>)], both ends
    /// included (the lower end rounded up, the upper one down). <paramref name="size"/> itself wins when it is fast;
    /// of two candidates equally near, the larger wins, since padding keeps every sample and cropping does not.
    /// </summary>
    /// <param name="size">The size you have, at least 1.</param>
    /// <param name="maxFractionBelow">How much smaller the result may be, as a fraction of <paramref name="size"/>
    /// in [0, 1) (0.1 allows cropping by up to 10 %; 0 forbids cropping).</param>
    /// <param name="maxFractionAbove">How much larger the result may be, as a fraction of <paramref name="size"/>,
    /// at least 0 (0.1 allows padding by up to 10 %; 0 forbids padding).</param>
    /// <returns>The fast size, or null when the range holds none (for example size 1 with no room above, since fast
    /// sizes are even).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside the ranges above or not a number.</exception>
    public static int? Nearest(int size, double maxFractionBelow, double maxFractionAbove)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        if (!(maxFractionBelow >= 0 && maxFractionBelow < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(maxFractionBelow), maxFractionBelow, "The fraction below must be in [0, 1).");
        }

        if (!(maxFractionAbove >= 0) || double.IsPositiveInfinity(maxFractionAbove))
        {
            throw new ArgumentOutOfRangeException(nameof(maxFractionAbove), maxFractionAbove, "The fraction above must be a finite number of at least 0.");
        }

        long low = (long)Math.Ceiling(size * (1 - maxFractionBelow) - 1e-9);
        double high = Math.Floor(size * (1 + maxFractionAbove) + 1e-9);
        long highClamped = high >= int.MaxValue ? int.MaxValue : (long)high;
        return Best(size, Math.Max(low, 1), highClamped, preferAbove: false);
    }

    /// <summary>The candidate in [low, high] nearest to target (ties to the larger), or the smallest when preferAbove.</summary>
    private static int? Best(long target, long low, long high, bool preferAbove)
    {
        long best = -1;
        for (long p2 = 2; p2 <= high; p2 *= 2)
        {
            for (long p3 = p2; p3 <= high; p3 *= 3)
            {
                for (long p5 = p3; p5 <= high; p5 *= 5)
                {
                    for (long c = p5; c <= high; c *= 7)
                    {
                        if (c >= low && (best < 0 || Better(c, best, target, preferAbove)))
                        {
                            best = c;
                        }
                    }
                }
            }
        }

        return best < 0 ? null : (int)best;
    }

    private static bool Better(long candidate, long best, long target, bool preferAbove)
    {
        if (preferAbove)
        {
            return candidate < best;
        }

        long dc = Math.Abs(candidate - target);
        long db = Math.Abs(best - target);
        return dc < db || (dc == db && candidate > best);
    }
}
