namespace Oompa.Scheduler.Models;

/// <summary>
/// The history of one (codelet, implementation, architecture), one entry per footprint, plus the a·n^b regression
/// over its trusted entries for footprints never seen. Thread-safe through its <see cref="PerformanceModel"/>'s lock.
/// </summary>
internal sealed class ArchitectureModel(string codelet, string implementation, string architecture, ModelOptions options, Lock gate)
{
    private readonly Dictionary<ulong, HistoryEntry> entries = [];
    private PowerLaw? fit;
    private bool fitStale;

    public string Codelet { get; } = codelet;

    public string Implementation { get; } = implementation;

    public string Architecture { get; } = architecture;

    /// <summary>Trusted median for the footprint, else the regression within its range, else NaN (explore).</summary>
    public double Predict(ulong footprint, long size)
    {
        lock (gate)
        {
            if (entries.TryGetValue(footprint, out var entry) && entry.Trusted)
            {
                return entry.Median;
            }

            var law = Regression();
            if (law is not null && size > 0
                && size >= law.MinSize / options.RegressionExtrapolation
                && size <= law.MaxSize * options.RegressionExtrapolation)
            {
                return law.Evaluate(size);
            }

            return double.NaN;
        }
    }

    /// <summary>
    /// The prediction a policy places by: <see cref="Predict"/>, else the tentative median of the samples taken so far
    /// (fewer than the minimum), else NaN. <paramref name="calibrate"/>: see <see cref="HistoryEntry.WantsCalibration"/>.
    /// </summary>
    public double Placement(ulong footprint, long size, double now, out bool calibrate)
    {
        lock (gate)
        {
            double seconds = Predict(footprint, size);
            if (!double.IsNaN(seconds))
            {
                calibrate = false;
                return seconds;
            }

            var entry = Entry(footprint, size);
            calibrate = entry.WantsCalibration(now);
            return entry.Median;
        }
    }

    /// <summary>Notes a calibration run placed on the way (see <see cref="HistoryEntry.Explored"/>); returns its entry.</summary>
    public HistoryEntry BeginCalibration(ulong footprint, long size, double seconds)
    {
        lock (gate)
        {
            var entry = Entry(footprint, size);
            Interlocked.Increment(ref entry.Pending);
            if (double.IsFinite(seconds) && seconds > 0)
            {
                entry.Explored += seconds;
            }

            return entry;
        }
    }

    /// <summary>Records a measurement; false when it was rejected as an outlier.</summary>
    public bool Record(ulong footprint, long size, double seconds)
    {
        lock (gate)
        {
            var entry = Entry(footprint, size);
            bool wasTrusted = entry.Trusted;
            double median = entry.Median;
            bool accepted = entry.Record(seconds);
            if (entry.Trusted != wasTrusted || (entry.Trusted && entry.Median != median))
            {
                fitStale = true;
            }

            return accepted;
        }
    }

    /// <summary>The regression, refitted when a trusted median changed.</summary>
    public PowerLaw? Regression()
    {
        lock (gate)
        {
            if (fitStale)
            {
                fit = PowerLaw.Fit(entries.Values.Where(e => e.Trusted).Select(e => (e.Size, e.Median)));
                fitStale = false;
            }

            return fit;
        }
    }

    public HistoryEntry Entry(ulong footprint, long size)
    {
        lock (gate)
        {
            if (!entries.TryGetValue(footprint, out var entry))
            {
                entry = new HistoryEntry(size, options);
                entries.Add(footprint, entry);
            }

            return entry;
        }
    }

    public void MarkStale()
    {
        lock (gate)
        {
            fitStale = true;
        }
    }

    /// <summary>Snapshot of the entries (call under the model's lock).</summary>
    public IEnumerable<KeyValuePair<ulong, HistoryEntry>> Entries => entries;
}
