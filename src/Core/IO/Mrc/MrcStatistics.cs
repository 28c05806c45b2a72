using System.Numerics;
using System.Runtime.InteropServices;

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

        var (sum, lo, hi) = SumMinMax(values);
        double chunkMean = sum / values.Length;
        double chunkM2 = SquaredDeviations(values, chunkMean);

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

    private static (double Sum, double Min, double Max) SumMinMax(ReadOnlySpan<float> values)
    {
        int i = 0;
        double sum = 0, lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        if (Vector.IsHardwareAccelerated && values.Length >= Vector<float>.Count)
        {
            var vectors = MemoryMarshal.Cast<float, Vector<float>>(values);
            Vector<double> sumA = Vector<double>.Zero, sumB = Vector<double>.Zero;
            Vector<float> min = vectors[0], max = vectors[0];
            bool nan = false;
            foreach (var v in vectors)
            {
                Vector.Widen(v, out var a, out var b);
                sumA += a;
                sumB += b;
                min = Vector.Min(min, v);
                max = Vector.Max(max, v);
                nan |= !Vector.EqualsAll(v, v);
            }

            sum = Vector.Sum(sumA) + Vector.Sum(sumB);
            for (int k = 0; k < Vector<float>.Count; k++)
            {
                lo = Math.Min(lo, min[k]);
                hi = Math.Max(hi, max[k]);
            }

            if (nan)
            {
                lo = hi = double.NaN;
            }

            i = vectors.Length * Vector<float>.Count;
        }

        for (; i < values.Length; i++)
        {
            sum += values[i];
            lo = Math.Min(lo, values[i]);
            hi = Math.Max(hi, values[i]);
        }

        return (sum, lo, hi);
    }

    private static double SquaredDeviations(ReadOnlySpan<float> values, double mean)
    {
        int i = 0;
        double m2 = 0;
        if (Vector.IsHardwareAccelerated && values.Length >= Vector<float>.Count)
        {
            var vectors = MemoryMarshal.Cast<float, Vector<float>>(values);
            var centre = new Vector<double>(mean);
            Vector<double> acc = Vector<double>.Zero;
            foreach (var v in vectors)
            {
                Vector.Widen(v, out var a, out var b);
                var da = a - centre;
                var db = b - centre;
                acc += (da * da) + (db * db);
            }

            m2 = Vector.Sum(acc);
            i = vectors.Length * Vector<float>.Count;
        }

        for (; i < values.Length; i++)
        {
            double d = values[i] - mean;
            m2 += d * d;
        }

        return m2;
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
