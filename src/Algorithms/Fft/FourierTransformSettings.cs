namespace Oompa.Algorithms.Fft;

/// <summary>Settings of a <see cref="FourierTransform"/>.</summary>
/// <param name="Direction">Forward (spatial to frequency) or inverse.</param>
/// <param name="Normalize">
/// Multiply the output by 1/(X·Y·Z), so that a normalised transform followed by an unnormalised one in the other
/// direction is the identity. A normalised forward output carries <see cref="Core.Data.FourierState.Normalized"/>; an
/// inverse may not normalise coefficients that already carry it.
/// </param>
/// <param name="Threads">Threads of the multi-threaded strategy; null uses the CPU device's threads. The
/// single-threaded strategy always uses one.</param>
/// <param name="AllowInputOverwrite">
/// Whether an out-of-place inverse real transform may clobber its input (FFTW's complex-to-real transforms destroy
/// their input; when this is false, the default, the input is preserved, by planning accordingly or by transforming
/// a scratch copy). In-place transforms always replace the input, since the output is the same buffer.
/// </param>
/// <param name="PlannerEffort">How hard the planner searches; <see cref="FftPlannerEffort.Estimate"/> by default.</param>
public sealed record FourierTransformSettings(
    FourierDirection Direction,
    bool Normalize = false,
    int? Threads = null,
    bool AllowInputOverwrite = false,
    FftPlannerEffort PlannerEffort = FftPlannerEffort.Estimate)
{
    /// <summary>An unnormalised forward transform.</summary>
    public static FourierTransformSettings Forward { get; } = new(FourierDirection.Forward);

    /// <summary>An unnormalised inverse transform.</summary>
    public static FourierTransformSettings Inverse { get; } = new(FourierDirection.Inverse);

    /// <summary>The settings of the transform in the other direction, everything else kept.</summary>
    public FourierTransformSettings CreateInverse() =>
        this with { Direction = Direction == FourierDirection.Forward ? FourierDirection.Inverse : FourierDirection.Forward };
}
