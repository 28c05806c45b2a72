using Oompa.Core.Data;

namespace Oompa.Benchmarks.Elementwise;

/// <summary>
/// The sizes of the element-wise benchmark and the bytes each case moves per call. Every buffer is at least 64 MiB
/// (except the correlation's 8 input spectra, 32 MiB, whose 28 output spectra take 112 MiB), so caches cannot hold them.
/// Bytes moved count what the operation must read and write at least, once each:
/// <list type="bullet">
/// <item>copy of B bytes: 2B (read + write); the baseline.</item>
/// <item>fill: the bytes written.</item>
/// <item>PiecewiseAdd: 3 buffers (read out, read in, write out).</item>
/// <item>Sum, Max: 1 buffer read (the per-signal results are negligible).</item>
/// <item>FourierProcessing without crop: the spectra read + written (2 × input bytes).</item>
/// <item>FourierProcessing with crop: 2 × output bytes (the kept coefficients read, the output written; the dropped
/// input rows and columns are never touched).</item>
/// <item>Correlation: per pair, two input spectra read and one output written (3 × image bytes per pair), as if each
/// pair were a separate call; the kernel reads each input row once for all pairs, so this counts inputs again.</item>
/// </list>
/// </summary>
internal static class ElementwiseCases
{
    /// <summary>Real batch of the copy, fill, reduction and extrema cases: 16 × 1024² Float32 (64 MiB).</summary>
    public static Size Signals { get; } = new(1024, 1024, 1, 16);

    /// <summary>Spatial size of the spectra processed without crop: 16 × 1024², i.e. 16 × 1024 × 513 Complex32 (64 MiB).</summary>
    public static Size Spectra { get; } = new(1024, 1024, 1, 16);

    /// <summary>Spatial size of the spectra before the crop: 8 × 2048², i.e. 8 × 2048 × 1025 Complex32 (128 MiB).</summary>
    public static Size CropInput { get; } = new(2048, 2048, 1, 8);

    /// <summary>Spatial size after the crop: 8 × 1024², i.e. 8 × 1024 × 513 Complex32 (32 MiB).</summary>
    public static Size CropOutput { get; } = new(1024, 1024, 1, 8);

    /// <summary>Spatial size of the correlated spectra: 8 × 1024² (8 × 1024 × 513 Complex32), 28 pairs.</summary>
    public static Size Correlated { get; } = new(1024, 1024, 1, 8);

    /// <summary>The copy baseline moves 2 × this many bytes.</summary>
    public static long CopyBytes => Signals.Total * sizeof(float);

    /// <summary>Bytes the baseline moves per call: read + write.</summary>
    public static long CopyMovedBytes => 2 * CopyBytes;

    /// <summary>The measured cases, in report order; each key names a setup in <see cref="ElementwiseBenchmarks"/>.</summary>
    public static IReadOnlyList<ElementwiseCase> All { get; } =
    [
        new("init_fill", "Initialization fill, Float32 16 x 1024^2", CopyBytes),
        new("reduce_add", "Reduction PiecewiseAdd, Float32 16 x 1024^2", 3 * CopyBytes),
        new("reduce_sum", "Reduction Sum per signal, Float32 16 x 1024^2", CopyBytes),
        new("extrema_max", "ExtremaFinder Max, Entire, Both, Integer", CopyBytes),
        new("fourier_filter", "FourierProcessing Normalize+Center+Gaussian, 16 x 1024x513 C32", 2 * SpectrumBytes(Spectra)),
        new("fourier_crop", "FourierProcessing crop 2048^2 -> 1024^2 + Normalize, batch 8", 2 * SpectrumBytes(CropOutput)),
        new("correlation", "Correlation WithinBatch + Center, 8 x 1024x513 C32, 28 pairs", 28 * 3 * SpectrumBytes(Correlated.WithN(1))),
    ];

    /// <summary>Bytes of the Hermitian-half Complex32 spectra of a spatial batch.</summary>
    public static long SpectrumBytes(Size spatial) => (((long)spatial.X / 2) + 1) * spatial.Y * spatial.Z * spatial.N * 8;
}
