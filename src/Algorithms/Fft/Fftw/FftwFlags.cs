namespace Oompa.Algorithms.Fft.Fftw;

/// <summary>FFTW planner flags and signs (values from <c>fftw3.h</c>).</summary>
internal static class FftwFlags
{
    public const uint Measure = 0;
    public const uint DestroyInput = 1U << 0;
    public const uint PreserveInput = 1U << 4;
    public const uint Estimate = 1U << 6;

    public const int Forward = -1;
    public const int Backward = 1;

    /// <summary>The planner flag for an effort.</summary>
    public static uint Of(FftPlannerEffort effort) => effort switch
    {
        FftPlannerEffort.Measure => Measure,
        _ => Estimate,
    };
}
