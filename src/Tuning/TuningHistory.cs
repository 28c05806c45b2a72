using Oompa.Tuning.Spaces;

namespace Oompa.Tuning;

/// <summary>
/// The evaluations of one tuning session in order, with the best successful one and the reference time. Stop
/// conditions read it; the offline <see cref="Tuner"/> (and a dynamic tuner, one step per execution) append to it.
/// </summary>
public sealed class TuningHistory
{
    private readonly List<TuningRecord> _records = [];
    private double? _referenceSeconds;

    /// <summary>Creates an empty history.</summary>
    /// <param name="reference">The configuration whose first successful time becomes <see cref="ReferenceSeconds"/>
    /// (usually the space's default); null to set the reference explicitly.</param>
    public TuningHistory(TuningConfiguration? reference = null) => Reference = reference;

    /// <summary>The configuration whose measured time is the reference, if any.</summary>
    public TuningConfiguration? Reference { get; }

    /// <summary>The evaluations in order.</summary>
    public IReadOnlyList<TuningRecord> Records => _records;

    /// <summary>The number of evaluations, failed ones included.</summary>
    public int Count => _records.Count;

    /// <summary>The number of failed evaluations.</summary>
    public int FailedCount { get; private set; }

    /// <summary>The fastest successful evaluation (the earliest among equals); null when none succeeded.</summary>
    public TuningRecord? Best { get; private set; }

    /// <summary>
    /// The reference time in seconds: set explicitly, or the first successful time of <see cref="Reference"/>.
    /// Target stop conditions compare <see cref="Best"/> with it.
    /// </summary>
    public double? ReferenceSeconds
    {
        get => _referenceSeconds;
        set
        {
            if (value is { } v && (!double.IsFinite(v) || v < 0))
            {
                throw new ArgumentOutOfRangeException(nameof(value), v, "A reference time must be finite and non-negative.");
            }

            _referenceSeconds = value;
        }
    }

    /// <summary>Appends an evaluation and updates <see cref="Best"/> and <see cref="ReferenceSeconds"/>.</summary>
    public TuningRecord Add(TuningConfiguration configuration, TuningMeasurement measurement)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(measurement);
        var record = new TuningRecord(_records.Count, configuration, measurement);
        _records.Add(record);
        if (!measurement.IsSuccess)
        {
            FailedCount++;
            return record;
        }

        if (Best is null || measurement.Seconds < Best.Measurement.Seconds)
        {
            Best = record;
        }

        if (_referenceSeconds is null && configuration == Reference)
        {
            _referenceSeconds = measurement.Seconds;
        }

        return record;
    }
}
