namespace Oompa.Scheduler.Models;

/// <summary>
/// The timing history of one (codelet, implementation, architecture, footprint): the most recent accepted samples,
/// their median and median absolute deviation, and outlier counts. Guarded by its model's lock.
/// </summary>
internal sealed class HistoryEntry
{
    private readonly ModelOptions options;
    private readonly double[] window;
    private readonly double[] scratch;
    private readonly List<double> outliers = [];
    private int count;
    private int next;

    public HistoryEntry(long size, ModelOptions options)
    {
        Size = size;
        this.options = options;
        window = new double[options.Window];
        scratch = new double[options.Window];
    }

    /// <summary>The size (n of the regression) of the tasks recorded here.</summary>
    public long Size { get; }

    /// <summary>Accepted samples in the window.</summary>
    public int Count => count;

    /// <summary>Samples offered, accepted or not.</summary>
    public long Total { get; private set; }

    /// <summary>Samples rejected as outliers.</summary>
    public long Rejected { get; private set; }

    /// <summary>Median of the window; NaN when empty.</summary>
    public double Median { get; private set; } = double.NaN;

    /// <summary>Median absolute deviation of the window.</summary>
    public double Spread { get; private set; }

    public bool Trusted => count >= options.MinimumSamples;

    /// <summary>Tasks placed to calibrate this entry and not finished yet (so exploration stops once enough are queued).</summary>
    public int Pending;

    /// <summary>Whether more samples are needed than are already on their way.</summary>
    public bool NeedsCalibration => count + Volatile.Read(ref Pending) < options.MinimumSamples;

    /// <summary>The window, oldest first.</summary>
    public IEnumerable<double> Samples
    {
        get
        {
            int start = count < window.Length ? 0 : next;
            for (int i = 0; i < count; i++)
            {
                yield return window[(start + i) % window.Length];
            }
        }
    }

    /// <summary>Offers a measurement; returns false when it was rejected as an outlier.</summary>
    public bool Record(double seconds)
    {
        if (!double.IsFinite(seconds) || seconds < 0)
        {
            return false;
        }

        Total++;
        if (Trusted)
        {
            double sigma = Math.Max(1.4826 * Spread, options.MinimumRelativeSpread * Median);
            if (Math.Abs(seconds - Median) > options.OutlierThreshold * sigma)
            {
                Rejected++;
                outliers.Add(seconds);
                if (outliers.Count >= options.ShiftAfter)
                {
                    // A lasting change, not a spike: start again from the recent measurements.
                    count = 0;
                    next = 0;
                    foreach (double o in outliers)
                    {
                        Append(o);
                    }

                    outliers.Clear();
                    Update();
                }

                return false;
            }
        }

        outliers.Clear();
        Append(seconds);
        Update();
        return true;
    }

    /// <summary>Restores persisted state.</summary>
    public void Restore(IEnumerable<double> samples, long total, long rejected)
    {
        foreach (double s in samples)
        {
            if (double.IsFinite(s) && s >= 0)
            {
                Append(s);
            }
        }

        Total = Math.Max(total, count);
        Rejected = Math.Max(0, rejected);
        Update();
    }

    private void Append(double seconds)
    {
        window[next] = seconds;
        next = (next + 1) % window.Length;
        count = Math.Min(count + 1, window.Length);
    }

    private void Update()
    {
        if (count == 0)
        {
            Median = double.NaN;
            Spread = 0;
            return;
        }

        var values = scratch.AsSpan(0, count);
        window.AsSpan(0, count).CopyTo(values);
        values.Sort();
        double median = MedianOfSorted(values);
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = Math.Abs(values[i] - median);
        }

        values.Sort();
        Median = median;
        Spread = MedianOfSorted(values);
    }

    private static double MedianOfSorted(ReadOnlySpan<double> sorted)
    {
        int n = sorted.Length;
        return (n & 1) == 1 ? sorted[n / 2] : 0.5 * (sorted[(n / 2) - 1] + sorted[n / 2]);
    }
}
