namespace Oompa.Algorithms.FourierProcessing;

/// <summary>
/// What <see cref="FourierProcessing"/> does to Hermitian-half spectra. Every option is independent; cropping is not a
/// setting but follows from the output descriptor's spatial size (smaller than the input's on some axis). All options
/// index coefficients in unshifted (FFTW) order; see <c>docs/fourier-processing.md</c> for the exact conventions.
/// </summary>
/// <remarks>
/// Per output coefficient (x, y, z) of image n the result is
/// <c>out[n, shift(y, z), x] = in[n, crop(y, z), x] · normalise · gauss · filter[y, z, x] · (−1)^(x+y+z)</c>, or
/// exactly 0 when <see cref="MaxFrequency"/> removes it.
/// </remarks>
public sealed record FourierProcessingSettings
{
    private readonly double? gaussianSigma;
    private readonly double? maxFrequency;

    /// <summary>No option set: a plain copy, or a crop when the output is smaller.</summary>
    public static FourierProcessingSettings None { get; } = new();

    /// <summary>Multiply by 1/(X·Y·Z) of the input's logical spatial size. The input must not be Normalized.</summary>
    public bool Normalize { get; init; }

    /// <summary>
    /// Multiply by (−1)^(x+y+z), x, y, z being unshifted output indices, so that after the inverse FFT the origin sits at
    /// the middle (X/2, Y/2, Z/2). Needs even output spatial sizes on every axis longer than one.
    /// </summary>
    public bool Center { get; init; }

    /// <summary>
    /// Move the zero frequency to the middle of Y and Z: output row (y + Y/2) mod Y, plane (z + Z/2) mod Z (fftshift).
    /// X, the Hermitian half, is not shifted.
    /// </summary>
    public bool Shift { get; init; }

    /// <summary>Multiply by the input's <c>Filter</c> payload (Float32, one filter for the whole batch), at the unshifted
    /// output index. The <c>Filter</c> member must be present exactly when this is set.</summary>
    public bool ApplyFilter { get; init; }

    /// <summary>
    /// Multiply by the Gaussian low-pass H(w) = exp(−w²/(2σ²)), σ = this value in cycles per pixel of the <b>output</b>
    /// grid and w = sqrt(fx² + fy² + fz²) with f = (signed output index)/(output spatial length). Null: no Gaussian.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Not positive and finite.</exception>
    public double? GaussianSigma
    {
        get => gaussianSigma;
        init
        {
            if (value is { } v && !(v > 0 && double.IsFinite(v)))
            {
                throw new ArgumentOutOfRangeException(nameof(GaussianSigma), v, "The Gaussian sigma must be positive and finite (cycles per pixel).");
            }

            gaussianSigma = value;
        }
    }

    /// <summary>
    /// Set to exactly 0 every coefficient whose frequency magnitude |f| = sqrt(fx² + fy² + fz²) exceeds this value,
    /// f = (signed index)/(length) on the <b>input</b> spatial grid (cycles per input pixel). Must lie in (0, 0.5].
    /// Null: nothing is removed.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside (0, 0.5].</exception>
    public double? MaxFrequency
    {
        get => maxFrequency;
        init
        {
            if (value is { } v && !(v > 0 && v <= 0.5))
            {
                throw new ArgumentOutOfRangeException(nameof(MaxFrequency), v, "The maximum frequency must lie in (0, 0.5] cycles per input pixel.");
            }

            maxFrequency = value;
        }
    }
}
