using Oompa.Algorithms.Fft;

namespace Oompa.Samples.FlexAlign.Global;

/// <summary>
/// Sizes and filter of the correlation (algorithms.md §1.3): the Gaussian low-pass with H = 1/2 at R_max, the crop that
/// keeps its 4σ band (target pixel size T_s' = R_max/(8c), c = sqrt(1/(2 ln 2))), the cropped size rounded to an even,
/// FFT-friendly size at most 10 % larger (<see cref="FastSize"/>), and the peak search box for the maximum shift.
/// </summary>
public sealed record CorrelationGeometry
{
    /// <summary>c = sqrt(1/(2 ln 2)) ≈ 0.8493: σ = c·T_s/R_max puts H = 1/2 at R_max.</summary>
    public static readonly double C = Math.Sqrt(1 / (2 * Math.Log(2)));

    /// <summary>
    /// σ of the Gaussian high-pass <c>1 − exp(−k²/(2σ²))</c>, in frequency indices (cycles per frame): it removes the
    /// mean and the slowest ramps, where the frame borders concentrate their energy.
    /// </summary>
    public const double HighPassIndex = 2;

    /// <summary>Original frame width.</summary>
    public required int Width { get; init; }

    /// <summary>Original frame height.</summary>
    public required int Height { get; init; }

    /// <summary>Cropped (correlation) width, even.</summary>
    public required int CroppedWidth { get; init; }

    /// <summary>Cropped (correlation) height, even.</summary>
    public required int CroppedHeight { get; init; }

    /// <summary>Gaussian σ in cycles per cropped pixel (1/8 when the crop is exactly T_s').</summary>
    public required double Sigma { get; init; }

    /// <summary>Width of the peak search box in cropped pixels.</summary>
    public required int SearchWidth { get; init; }

    /// <summary>Height of the peak search box in cropped pixels.</summary>
    public required int SearchHeight { get; init; }

    /// <summary>Original pixels per cropped pixel along X.</summary>
    public double ScaleX => Width / (double)CroppedWidth;

    /// <summary>Original pixels per cropped pixel along Y.</summary>
    public double ScaleY => Height / (double)CroppedHeight;

    /// <summary>Computes the geometry for frames of <paramref name="width"/> × <paramref name="height"/>.</summary>
    public static CorrelationGeometry For(int width, int height, GlobalAlignmentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        double targetPixel = settings.MaxResolution / (8 * C);
        double scale = settings.PixelSize / targetPixel;
        int cw = CroppedLength(width, scale);
        int ch = CroppedLength(height, scale);
        double croppedPixel = settings.PixelSize * width / cw;
        double sigma = C * croppedPixel / settings.MaxResolution;
        double shift = settings.MaxShiftPixels;
        int mx = (int)Math.Ceiling(shift * cw / width) + 1;
        int my = (int)Math.Ceiling(shift * ch / height) + 1;
        return new CorrelationGeometry
        {
            Width = width,
            Height = height,
            CroppedWidth = cw,
            CroppedHeight = ch,
            Sigma = sigma,
            SearchWidth = Math.Min((2 * mx) + 1, cw),
            SearchHeight = Math.Min((2 * my) + 1, ch),
        };
    }

    /// <summary>
    /// The filter value at unshifted cropped index (x, y): the low-pass exp(−w²/(2σ²)), w in cycles per cropped pixel,
    /// times the high-pass <see cref="HighPassValue"/>, which is 0 at the zero frequency (removing the mean keeps the
    /// correlation peak a pure peak for the Gaussian fit).
    /// </summary>
    public float FilterValue(int x, int y)
    {
        int ky = y <= CroppedHeight / 2 ? y : y - CroppedHeight;
        double fx = x / (double)CroppedWidth;
        double fy = ky / (double)CroppedHeight;
        double lowPass = Math.Exp(-((fx * fx) + (fy * fy)) / (2 * Sigma * Sigma));
        return (float)(lowPass * HighPassValue(x, y));
    }

    /// <summary>
    /// The band limit of the crop at unshifted cropped index (x, y): 1 up to a radial frequency of
    /// min(2σ, 1/4) cycles per cropped pixel, a raised cosine down to 0 at the cropped Nyquist frequency 1/2, and 0 beyond.
    /// A smooth band limit instead of the crop's sharp one keeps the frame border's jump from ringing into the small
    /// image; the low-pass <see cref="FilterValue"/> (applied later) is below exp(−2) wherever this is below 1.
    /// </summary>
    public double BandLimitValue(int x, int y)
    {
        int ky = y <= CroppedHeight / 2 ? y : y - CroppedHeight;
        double fx = x / (double)CroppedWidth;
        double fy = ky / (double)CroppedHeight;
        double f = Math.Sqrt((fx * fx) + (fy * fy));
        double start = Math.Min(2 * Sigma, 0.25);
        return f <= start ? 1 : f >= 0.5 ? 0 : 0.5 + (0.5 * Math.Cos(Math.PI * (f - start) / (0.5 - start)));
    }

    /// <summary>The high-pass factor 1 − exp(−k²/(2·<see cref="HighPassIndex"/>²)) at unshifted cropped index (x, y), k in frequency indices.</summary>
    public double HighPassValue(int x, int y)
    {
        int ky = y <= CroppedHeight / 2 ? y : y - CroppedHeight;
        double k2 = ((double)x * x) + ((double)ky * ky);
        return 1 - Math.Exp(-k2 / (2 * HighPassIndex * HighPassIndex));
    }

    private static int CroppedLength(int length, double scale)
    {
        int even = length - (length % 2);
        if (scale >= 1)
        {
            return Math.Max(even, 2);
        }

        int target = Math.Max(2, (int)Math.Round(length * scale / 2) * 2);
        int fast = FastSize.Nearest(target, 0, 0.1) ?? target;
        return Math.Min(Math.Max(fast - (fast % 2), 2), even);
    }
}
