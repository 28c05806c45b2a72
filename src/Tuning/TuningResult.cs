using Oompa.Tuning.Spaces;

namespace Oompa.Tuning;

/// <summary>The outcome of a tuning session.</summary>
public sealed class TuningResult
{
    /// <summary>Summarises <paramref name="history"/>.</summary>
    public TuningResult(string searcher, TuningHistory history, TuningStopReason stopReason)
    {
        ArgumentNullException.ThrowIfNull(history);
        Searcher = searcher;
        History = history.Records;
        Best = history.Best?.Configuration;
        BestSeconds = history.Best?.Measurement.Seconds;
        ReferenceSeconds = history.ReferenceSeconds;
        FailedCount = history.FailedCount;
        StopReason = stopReason;
    }

    /// <summary>The searcher's name.</summary>
    public string Searcher { get; }

    /// <summary>The fastest successful configuration; null when every evaluation failed.</summary>
    public TuningConfiguration? Best { get; }

    /// <summary>The time of <see cref="Best"/> in seconds.</summary>
    public double? BestSeconds { get; }

    /// <summary>The reference (default configuration) time in seconds, when it was measured.</summary>
    public double? ReferenceSeconds { get; }

    /// <summary>Reference time divided by best time (above 1 when tuning helped); null when either is unknown.</summary>
    public double? Speedup => BestSeconds is > 0 && ReferenceSeconds is { } r ? r / BestSeconds : null;

    /// <summary>The number of configurations evaluated, failed ones included.</summary>
    public int Evaluated => History.Count;

    /// <summary>The number of failed evaluations.</summary>
    public int FailedCount { get; }

    /// <summary>Every evaluation in order.</summary>
    public IReadOnlyList<TuningRecord> History { get; }

    /// <summary>Why the session ended.</summary>
    public TuningStopReason StopReason { get; }
}
