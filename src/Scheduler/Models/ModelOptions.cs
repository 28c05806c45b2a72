namespace Oompa.Scheduler.Models;

/// <summary>How performance models learn from measurements.</summary>
public sealed record ModelOptions
{
    /// <summary>The defaults (StarPU's <c>STARPU_CALIBRATE_MINIMUM</c> is 10 as well).</summary>
    public static ModelOptions Default { get; } = new();

    /// <summary>Samples of a (codelet, implementation, architecture, footprint) before its median is trusted; until
    /// until then model-based policies place by the tentative median of the samples taken (see <see cref="CalibrationDelay"/>).</summary>
    public int MinimumSamples { get; init; } = 10;

    /// <summary>
    /// Below <see cref="MinimumSamples"/>, policies place by the tentative median of the samples taken so far. An
    /// architecture that placement passes over (it looks slower) gets further calibration runs one at a time, and only
    /// while those runs (predicted run and transfer time) stay within 1/<see cref="CalibrationDelay"/> of the time since
    /// the runtime started: they lengthen a schedule by at most that fraction, yet a first sample that was too slow (a
    /// kernel build, a plan) is still corrected in a long run. An architecture without any sample is tried once at once.
    /// </summary>
    public double CalibrationDelay { get; init; } = 4;

    /// <summary>Accepted samples kept per entry (the most recent); median and spread come from them.</summary>
    public int Window { get; init; } = 32;

    /// <summary>
    /// A sample of a trusted entry further than this many robust standard deviations (1.4826 × MAD, at least
    /// <see cref="MinimumRelativeSpread"/> of the median) from the median is an outlier and is not recorded.
    /// </summary>
    public double OutlierThreshold { get; init; } = 5;

    /// <summary>The smallest spread assumed, as a fraction of the median, so a very steady history is not brittle.</summary>
    public double MinimumRelativeSpread { get; init; } = 0.05;

    /// <summary>
    /// After this many consecutive outliers the behaviour has changed (for example another process now shares the
    /// device): the history is replaced by those outliers. One spike therefore never sticks, a lasting change does.
    /// </summary>
    public int ShiftAfter { get; init; } = 5;

    /// <summary>
    /// The a·n^b regression over trusted entries predicts sizes no history holds, within this factor of the smallest
    /// and largest sizes seen (StarPU's regression stays within 0.9 and 1.1).
    /// </summary>
    public double RegressionExtrapolation { get; init; } = 4;

    /// <summary>Throws when a value is out of range.</summary>
    public ModelOptions Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MinimumSamples, 1, nameof(MinimumSamples));
        ArgumentOutOfRangeException.ThrowIfLessThan(Window, MinimumSamples, nameof(Window));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(OutlierThreshold, nameof(OutlierThreshold));
        ArgumentOutOfRangeException.ThrowIfNegative(MinimumRelativeSpread, nameof(MinimumRelativeSpread));
        ArgumentOutOfRangeException.ThrowIfLessThan(ShiftAfter, 1, nameof(ShiftAfter));
        ArgumentOutOfRangeException.ThrowIfLessThan(RegressionExtrapolation, 1, nameof(RegressionExtrapolation));
        ArgumentOutOfRangeException.ThrowIfNegative(CalibrationDelay, nameof(CalibrationDelay));
        return this;
    }
}
