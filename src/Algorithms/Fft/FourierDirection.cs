namespace Oompa.Algorithms.Fft;

/// <summary>Which way a <see cref="FourierTransform"/> goes.</summary>
public enum FourierDirection
{
    /// <summary>Spatial to frequency domain, kernel e^(−2πi·k·n/N).</summary>
    Forward,

    /// <summary>Frequency to spatial domain, kernel e^(+2πi·k·n/N).</summary>
    Inverse,
}
