using System.Globalization;

namespace Oompa.Tuning;

/// <summary>
/// The outcome of evaluating one configuration: a time when it succeeded, otherwise a failure status and reason.
/// Failed configurations never become the best.
/// </summary>
public sealed class TuningMeasurement
{
    private TuningMeasurement(TuningStatus status, double seconds, string? reason)
    {
        Status = status;
        Seconds = seconds;
        Reason = reason;
    }

    /// <summary>How the evaluation ended.</summary>
    public TuningStatus Status { get; }

    /// <summary>Whether the configuration ran and validated; only then is <see cref="Seconds"/> meaningful.</summary>
    public bool IsSuccess => Status == TuningStatus.Succeeded;

    /// <summary>The measured time in seconds (finite, ≥ 0) on success; <see cref="double.PositiveInfinity"/> on failure.</summary>
    public double Seconds { get; }

    /// <summary>Why the evaluation failed; null on success.</summary>
    public string? Reason { get; }

    /// <summary>A successful evaluation that took <paramref name="seconds"/>.</summary>
    public static TuningMeasurement Success(double seconds)
    {
        if (!double.IsFinite(seconds) || seconds < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "A measured time must be finite and non-negative.");
        }

        return new(TuningStatus.Succeeded, seconds, null);
    }

    /// <summary>A successful evaluation that took <paramref name="time"/>.</summary>
    public static TuningMeasurement Success(TimeSpan time) => Success(time.TotalSeconds);

    /// <summary>A failed evaluation.</summary>
    public static TuningMeasurement Failure(TuningStatus status, string reason)
    {
        if (status == TuningStatus.Succeeded)
        {
            throw new ArgumentException("A failure needs a failure status.", nameof(status));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new(status, double.PositiveInfinity, reason);
    }

    /// <summary>For example <c>1.234 ms</c> or <c>ValidationFailed: max error 0.3</c>.</summary>
    public override string ToString() => IsSuccess
        ? string.Create(CultureInfo.InvariantCulture, $"{Seconds * 1e3:G6} ms")
        : $"{Status}: {Reason}";
}
