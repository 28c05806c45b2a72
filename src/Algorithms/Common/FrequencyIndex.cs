namespace Oompa.Algorithms.Common;

/// <summary>
/// Index conventions of unshifted DFT coefficients (FFTW order): index i of an axis of length L stands for the signed
/// frequency index i when i ≤ L/2 and i − L otherwise, i.e. frequency (signed index)/L cycles per sample. For even L
/// the Nyquist index L/2 counts as positive (+1/2).
/// </summary>
internal static class FrequencyIndex
{
    /// <summary>The signed frequency index of unshifted index <paramref name="i"/> on an axis of <paramref name="length"/>.</summary>
    public static int Signed(int i, int length) => i <= length / 2 ? i : i - length;

    /// <summary>The frequency in cycles per sample of unshifted index <paramref name="i"/>.</summary>
    public static double Frequency(int i, int length) => (double)Signed(i, length) / length;

    /// <summary>
    /// The input index holding the same signed frequency as output index <paramref name="outIndex"/> when an axis of
    /// <paramref name="inLength"/> is cropped to <paramref name="outLength"/> ≤ <paramref name="inLength"/>.
    /// </summary>
    public static int CropSource(int outIndex, int outLength, int inLength) =>
        outIndex <= outLength / 2 ? outIndex : inLength - (outLength - outIndex);

    /// <summary>Where fftshift moves index <paramref name="i"/>: (i + L/2) mod L, so index 0 lands at L/2.</summary>
    public static int ShiftDestination(int i, int length) => (i + (length / 2)) % length;

    /// <summary>(−1)^i as a float.</summary>
    public static float Sign(int i) => (i & 1) == 0 ? 1f : -1f;
}
