namespace Oompa.Core.IO.Mrc;

/// <summary>
/// Running minimum, maximum, mean and RMS deviation (population standard deviation, the MRC <c>RMS</c> field) over
/// chunks of values. Each chunk is summarised with two passes and merged with Chan's formula, so long streams keep
/// full double precision without a second pass over the data. A NaN makes every statistic NaN.
/// </summary>
internal struct MrcStatistics
{
    private double min;
    private double max;
    private double mean;
    private double m2;

    /// <summary>Number of values seen.</summary>
    public long Count { get; private set; }

    /// <summary>Adds a chunk of values.</summary>
    public void Add(ReadOnlySpan<float> values)
    {
        if (values.IsEmpty)
        {
            return;
        }

        double sum = 0, lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        foreach (float v in values)
        {
            sum += v;
            lo = Math.Min(lo, v);
            hi = Math.Max(hi, v);
        }

        double chunkMean = sum / values.Length;
        double chunkM2 = 0;
        foreach (float v in values)
        {
            double d = v - chunkMean;
            chunkM2 += d * d;
        }

        if (Count == 0)
        {
            (min, max, mean, m2, Count) = (lo, hi, chunkMean, chunkM2, values.Length);
            return;
        }

        long total = Count + values.Length;
        double delta = chunkMean - mean;
        mean += delta * values.Length / total;
        m2 += chunkM2 + (delta * delta * Count * values.Length / total);
        min = Math.Min(min, lo);
        max = Math.Max(max, hi);
        Count = total;
    }

    /// <summary>Smallest value (0 when empty).</summary>
    public readonly float Min => Count == 0 ? 0f : (float)min;

    /// <summary>Largest value (0 when empty).</summary>
    public readonly float Max => Count == 0 ? 0f : (float)max;

    /// <summary>Mean value (0 when empty).</summary>
    public readonly float Mean => Count == 0 ? 0f : (float)mean;

    /// <summary>RMS deviation from the mean (0 when empty).</summary>
    public readonly float Rms => Count == 0 ? 0f : (float)Math.Sqrt(m2 / Count);
}
