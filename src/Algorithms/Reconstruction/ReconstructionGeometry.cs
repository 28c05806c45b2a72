using System.Globalization;
using Oompa.Algorithms.Fft;

namespace Oompa.Algorithms.Reconstruction;

/// <summary>
/// The sizes of a Fourier reconstruction from X×X images: the padded size P (even, FFT-friendly, at least
/// padding·X), the half size R of the cropped spectra and the Fourier volume (2R+1)³, and the resolution limit.
/// Frequencies are counted in units of 1/P cycles per pixel, so the original Nyquist frequency 0.5 is index P/2.
/// </summary>
public sealed record ReconstructionGeometry
{
    private ReconstructionGeometry(int imageSize, double padding, double maxResolution, int paddedSize, int halfSize)
    {
        ImageSize = imageSize;
        Padding = padding;
        MaxResolution = maxResolution;
        PaddedSize = paddedSize;
        HalfSize = halfSize;
    }

    /// <summary>X, the side of the square images and of the reconstructed volume.</summary>
    public int ImageSize { get; }

    /// <summary>The padding factor asked for (default 2).</summary>
    public double Padding { get; }

    /// <summary>The highest frequency kept, in cycles per pixel, in (0, 0.5].</summary>
    public double MaxResolution { get; }

    /// <summary>P: the smallest fast even FFT size ≥ padding·X.</summary>
    public int PaddedSize { get; }

    /// <summary>
    /// R = min(⌈MaxResolution·P⌉, P/2 − 1): the spectra keep frequencies −R..R in y and 0..R in x; the Nyquist row
    /// ±P/2 (exactly 0.5 cycles per pixel, ambiguous in sign) is left out.
    /// </summary>
    public int HalfSize { get; }

    /// <summary>2R + 1, the side of the Fourier volume.</summary>
    public int VolumeSide => (2 * HalfSize) + 1;

    /// <summary>The geometry for X×X images.</summary>
    /// <exception cref="ArgumentOutOfRangeException">X below 4, padding below 1 or not finite, or max resolution outside (0, 0.5].</exception>
    public static ReconstructionGeometry For(int imageSize, double padding = 2, double maxResolution = 0.5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(imageSize, 4);
        if (!(padding >= 1 && padding <= 8))
        {
            throw new ArgumentOutOfRangeException(nameof(padding), padding, "The padding factor must lie in [1, 8].");
        }

        if (!(maxResolution > 0 && maxResolution <= 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(maxResolution), maxResolution, "The maximum resolution must lie in (0, 0.5] cycles per pixel.");
        }

        int even = 2 * (int)Math.Ceiling(padding * imageSize / 2 - 1e-9);
        int p = FastSize.Next(Math.Max(even, imageSize + (imageSize & 1)));
        int r = Math.Min((int)Math.Ceiling(maxResolution * p - 1e-9), (p / 2) - 1);
        return new ReconstructionGeometry(imageSize, padding, maxResolution, p, Math.Max(r, 1));
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"images {ImageSize}², padded {PaddedSize}², spectra R = {HalfSize}, Fourier volume {VolumeSide}³, max resolution {MaxResolution}");
}
