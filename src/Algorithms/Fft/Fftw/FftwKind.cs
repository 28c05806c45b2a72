namespace Oompa.Algorithms.Fft.Fftw;

/// <summary>The kinds of FFTW transform Oompa plans.</summary>
internal enum FftwKind
{
    /// <summary>Real spatial data to the Hermitian half of its spectrum (forward).</summary>
    RealToComplex,

    /// <summary>A Hermitian half spectrum to real spatial data (inverse).</summary>
    ComplexToReal,

    /// <summary>Complex data to its full spectrum (forward, sign −1).</summary>
    ComplexForward,

    /// <summary>A full spectrum to complex data (inverse, sign +1).</summary>
    ComplexBackward,
}
