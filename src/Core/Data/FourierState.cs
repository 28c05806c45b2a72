namespace Oompa.Core.Data;

/// <summary>
/// Facts about Fourier coefficients that downstream algorithms rely on. Algorithms set these on their outputs.
/// </summary>
[Flags]
public enum FourierState
{
    /// <summary>Plain coefficients as the FFT produced them, Hermitian half only.</summary>
    None = 0,

    /// <summary>Coefficients were multiplied by (−1)^(x+y[+z]), so after the inverse transform the origin sits in the middle.</summary>
    Centered = 1,

    /// <summary>Coefficients were moved so that the zero frequency sits in the middle of the Y (and Z) axes.</summary>
    Shifted = 2,

    /// <summary>Coefficients were scaled by 1/N, so forward then inverse is the identity.</summary>
    Normalized = 4,

    /// <summary>The full spectrum is stored rather than the Hermitian half (x/2 + 1 columns).</summary>
    FullSpectrum = 8,
}
