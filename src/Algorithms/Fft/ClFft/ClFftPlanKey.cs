using System.Globalization;
using Oompa.Algorithms.Fft.Fftw;

namespace Oompa.Algorithms.Fft.ClFft;

/// <summary>
/// Everything a clFFT plan depends on besides its device: transform kind (which fixes the direction and the layouts:
/// real, Hermitian interleaved or complex interleaved), lengths, batch, placement, strides, distances and the scale
/// applied in the kind's direction. Strides count elements of the respective array (floats for real arrays, complex
/// pairs for complex ones); fields the rank makes irrelevant are zero, so equal transforms have equal keys.
/// </summary>
/// <param name="Kind">The transform kind.</param>
/// <param name="Rank">1, 2 or 3.</param>
/// <param name="Nx">Spatial X.</param>
/// <param name="Ny">Spatial Y (rank 2 and 3), else 1.</param>
/// <param name="Nz">Spatial Z (rank 3), else 1.</param>
/// <param name="Batch">Signals per call.</param>
/// <param name="InPlace">Whether input and output are one buffer.</param>
/// <param name="InRowStride">Input elements between rows (rank 2 and 3), else 0.</param>
/// <param name="InPlaneStride">Input elements between planes (rank 3), else 0.</param>
/// <param name="InDist">Input elements between signals.</param>
/// <param name="OutRowStride">Output elements between rows (rank 2 and 3), else 0.</param>
/// <param name="OutPlaneStride">Output elements between planes (rank 3), else 0.</param>
/// <param name="OutDist">Output elements between signals.</param>
/// <param name="Scale">The factor clFFT multiplies the output by (1, or 1/(X·Y·Z) when normalising).</param>
internal readonly record struct ClFftPlanKey(
    FftwKind Kind,
    int Rank,
    int Nx,
    int Ny,
    int Nz,
    int Batch,
    bool InPlace,
    long InRowStride,
    long InPlaneStride,
    long InDist,
    long OutRowStride,
    long OutPlaneStride,
    long OutDist,
    float Scale)
{
    /// <summary>The key of a transform whose shape FFTW's layout description gives (the strides are the same).</summary>
    public static ClFftPlanKey Of(FftwPlanKey shape, bool inPlace, float scale) => new(
        shape.Kind,
        shape.Rank,
        shape.Nx,
        shape.Ny,
        shape.Nz,
        shape.HowMany,
        inPlace,
        shape.InRowStride,
        shape.Rank == 3 ? (long)shape.InRowStride * shape.InRows : 0,
        shape.InDist,
        shape.OutRowStride,
        shape.Rank == 3 ? (long)shape.OutRowStride * shape.OutRows : 0,
        shape.OutDist,
        scale);

    /// <summary>Whether the plan runs forward (spatial to frequency).</summary>
    public bool Forward => Kind is FftwKind.RealToComplex or FftwKind.ComplexForward;

    /// <summary>The clFFT direction of the plan's transform.</summary>
    public int Direction => Forward ? ClFftNative.DirectionForward : ClFftNative.DirectionBackward;

    /// <summary>The clFFT layout of the input array.</summary>
    public int InLayout => Kind switch
    {
        FftwKind.RealToComplex => ClFftNative.LayoutReal,
        FftwKind.ComplexToReal => ClFftNative.LayoutHermitianInterleaved,
        _ => ClFftNative.LayoutComplexInterleaved,
    };

    /// <summary>The clFFT layout of the output array.</summary>
    public int OutLayout => Kind switch
    {
        FftwKind.RealToComplex => ClFftNative.LayoutHermitianInterleaved,
        FftwKind.ComplexToReal => ClFftNative.LayoutReal,
        _ => ClFftNative.LayoutComplexInterleaved,
    };

    /// <summary>A short description for messages, for example <c>RealToComplex 64x64 x10 out-of-place</c>.</summary>
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Kind} {Nx}{(Rank >= 2 ? $"x{Ny}" : string.Empty)}{(Rank == 3 ? $"x{Nz}" : string.Empty)} x{Batch} {(InPlace ? "in-place" : "out-of-place")}");
}
