namespace Oompa.Algorithms.Fft.Fftw;

/// <summary>
/// Everything an FFTW plan depends on, so that one cached plan serves every pair of buffers with the same layout and
/// alignment through FFTW's new-array execute functions. Dimensions are logical real (spatial) sizes; strides are in
/// elements of the respective array (floats for real arrays, complex pairs for complex ones). Fields that the rank
/// makes irrelevant are zero, so equal transforms have equal keys.
/// </summary>
/// <param name="Kind">The transform kind (and sign).</param>
/// <param name="Rank">Transform rank: 1, 2 or 3.</param>
/// <param name="Nz">Spatial Z (rank 3), else 1.</param>
/// <param name="Ny">Spatial Y (rank 2 and 3), else 1.</param>
/// <param name="Nx">Spatial X.</param>
/// <param name="HowMany">Number of signals in the batch.</param>
/// <param name="InRowStride">Elements between input rows (rank 2 and 3), else 0.</param>
/// <param name="InRows">Rows between input planes (rank 3), else 0.</param>
/// <param name="InDist">Elements between input signals.</param>
/// <param name="OutRowStride">Elements between output rows (rank 2 and 3), else 0.</param>
/// <param name="OutRows">Rows between output planes (rank 3), else 0.</param>
/// <param name="OutDist">Elements between output signals.</param>
/// <param name="InPlace">Whether input and output are the same array.</param>
/// <param name="InAlignment"><c>fftwf_alignment_of</c> of the input's first data element.</param>
/// <param name="OutAlignment"><c>fftwf_alignment_of</c> of the output's first data element.</param>
/// <param name="Threads">Threads the plan uses.</param>
/// <param name="Flags">FFTW planner flags (effort and input preservation).</param>
internal readonly record struct FftwPlanKey(
    FftwKind Kind,
    int Rank,
    int Nz,
    int Ny,
    int Nx,
    int HowMany,
    int InRowStride,
    int InRows,
    int InDist,
    int OutRowStride,
    int OutRows,
    int OutDist,
    bool InPlace,
    int InAlignment,
    int OutAlignment,
    int Threads,
    uint Flags)
{
    /// <summary>Bytes per input element.</summary>
    public int InElementSize => Kind == FftwKind.RealToComplex ? sizeof(float) : 2 * sizeof(float);

    /// <summary>Bytes per output element.</summary>
    public int OutElementSize => Kind == FftwKind.ComplexToReal ? sizeof(float) : 2 * sizeof(float);

    /// <summary>Bytes from the input's first data element that the transform may touch (an upper bound).</summary>
    public long InExtentBytes => (long)HowMany * InDist * InElementSize;

    /// <summary>Bytes from the output's first data element that the transform may touch (an upper bound).</summary>
    public long OutExtentBytes => (long)HowMany * OutDist * OutElementSize;
}
