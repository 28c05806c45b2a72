using Oompa.Tuning.Spaces;

namespace Oompa.Tuning.Store;

/// <summary>A persisted tuning result: the best configuration for a key, with how it was obtained.</summary>
public sealed record TuningStoreEntry
{
    /// <summary>Creates an entry.</summary>
    public TuningStoreEntry(
        TuningStoreKey key,
        TuningConfiguration configuration,
        double bestSeconds,
        double? referenceSeconds,
        int evaluations,
        string searcher,
        DateTimeOffset timestamp,
        string oompaVersion)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(configuration);
        CheckTime(bestSeconds, nameof(bestSeconds));
        if (referenceSeconds is { } r)
        {
            CheckTime(r, nameof(referenceSeconds));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(evaluations);
        ArgumentNullException.ThrowIfNull(searcher);
        ArgumentException.ThrowIfNullOrWhiteSpace(oompaVersion);
        Key = key;
        Configuration = configuration;
        BestSeconds = bestSeconds;
        ReferenceSeconds = referenceSeconds;
        Evaluations = evaluations;
        Searcher = searcher;
        Timestamp = timestamp;
        OompaVersion = oompaVersion;
    }

    /// <summary>What the result applies to.</summary>
    public TuningStoreKey Key { get; }

    /// <summary>The best configuration found.</summary>
    public TuningConfiguration Configuration { get; }

    /// <summary>Its measured time in seconds.</summary>
    public double BestSeconds { get; }

    /// <summary>The time of the reference (default) configuration in seconds, when measured.</summary>
    public double? ReferenceSeconds { get; }

    /// <summary>The number of configurations evaluated to find it.</summary>
    public int Evaluations { get; }

    /// <summary>The searcher that found it.</summary>
    public string Searcher { get; }

    /// <summary>When it was found.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>The Oompa version that found it.</summary>
    public string OompaVersion { get; }

    /// <summary>An entry for <paramref name="key"/> from a tuning result that has a best configuration.</summary>
    /// <exception cref="ArgumentException">Every evaluation in <paramref name="result"/> failed.</exception>
    public static TuningStoreEntry FromResult(TuningStoreKey key, TuningResult result, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Best is null || result.BestSeconds is null)
        {
            throw new ArgumentException($"The tuning result for {key} has no successful configuration to store.", nameof(result));
        }

        return new(key, result.Best, result.BestSeconds.Value, result.ReferenceSeconds, result.Evaluated, result.Searcher, timestamp, TuningStore.OompaVersion);
    }

    private static void CheckTime(double seconds, string name)
    {
        if (!double.IsFinite(seconds) || seconds < 0)
        {
            throw new ArgumentOutOfRangeException(name, seconds, "A time must be finite and non-negative.");
        }
    }
}
