using Oompa.Tuning.Spaces;

namespace Oompa.Tuning.StopConditions;

/// <summary>Stops once a duration has elapsed since <see cref="Start"/>, measured with an injectable clock.</summary>
public sealed class WallTime : IStopCondition
{
    private readonly TimeProvider _clock;
    private long? _started;

    /// <summary>Stops after <paramref name="limit"/> (positive) of <paramref name="clock"/> time (the system clock by default).</summary>
    public WallTime(TimeSpan limit, TimeProvider? clock = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(limit, TimeSpan.Zero);
        Limit = limit;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>The time budget.</summary>
    public TimeSpan Limit { get; }

    /// <inheritdoc/>
    public string Description => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Limit.TotalSeconds:0.###} s of tuning");

    /// <inheritdoc/>
    public void Start(TuningSpace space) => _started = _clock.GetTimestamp();

    /// <inheritdoc/>
    public bool ShouldStop(TuningHistory history) =>
        _clock.GetElapsedTime(_started ?? throw new InvalidOperationException("Start the condition first.")) >= Limit;
}
