namespace Oompa.Algorithms.Fft;

/// <summary>How hard the FFT planner looks for a fast algorithm.</summary>
public enum FftPlannerEffort
{
    /// <summary>Pick a plan by heuristics at once (FFTW_ESTIMATE); the default.</summary>
    Estimate,

    /// <summary>Time several plans and keep the fastest (FFTW_MEASURE). Planning takes seconds for large sizes; the
    /// result is remembered in the wisdom file (see <see cref="Fftw.Fftw.WisdomPath"/>) so later processes re-plan fast.</summary>
    Measure,
}
