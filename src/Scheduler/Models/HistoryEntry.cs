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

    /// <summary>Tasks placed to calibrate this entry and not finished yet (at most one is placed at a time).</summary>
    public int Pending;

    /// <summary>
    /// Predicted seconds (run and transfers) of the calibration runs placed here while placement preferred another
    /// architecture, in this process; they may take at most 1/<see cref="ModelOptions.CalibrationDelay"/> of the time.
    /// </summary>
    public double Explored { get; set; }

    /// <summary>
    /// Whether a policy should place a calibration run here now: the entry is below <see cref="ModelOptions.MinimumSamples"/>,
    /// no calibration run is on its way, and either it has no sample at all (explore once, at once) or
    /// <paramref name="now"/> (seconds since the runtime started) has reached <see cref="ModelOptions.CalibrationDelay"/>
    /// times the calibration already spent here plus one more run at the tentative median.
    /// </summary>
    public bool WantsCalibration(double now) =>
        count < options.MinimumSamples && Volatile.Read(ref Pending) == 0 && (count == 0 || now >= options.CalibrationDelay * (Explored + Median));

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
