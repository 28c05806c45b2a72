using Oompa.Core.Data;

namespace Oompa.Algorithms.Fft.Fftw;

/// <summary>
/// How a request's layouts map onto FFTW's advanced interface: the plan shape (dimensions, embeddings, distances) and
/// the byte offsets of the first data elements, which absorb begin padding. End padding becomes larger embeddings and
/// distances, so every <see cref="Padding"/> is expressible; only strides beyond FFTW's 32-bit ints are not.
/// </summary>
/// <param name="Shape">The plan key with in-place, alignment, threads and flags still unset.</param>
/// <param name="InOffsetBytes">Bytes from the input payload's pointer to its first data element.</param>
/// <param name="OutOffsetBytes">Bytes from the output payload's pointer to its first data element.</param>
/// <param name="InPlaceCapable">Whether both layouts address the same bytes, so one buffer can hold both.</param>
internal sealed record FftwLayout(FftwPlanKey Shape, long InOffsetBytes, long OutOffsetBytes, bool InPlaceCapable)
{
    /// <summary>Describes a transform of <paramref name="kind"/> from <paramref name="input"/> to
    /// <paramref name="output"/> layouts, or adds reasons and returns null.</summary>
    public static FftwLayout? Describe(FftwKind kind, Size spatial, LogicalDescriptor input, LogicalDescriptor output, ICollection<string> reasons)
    {
        int rank = spatial.Z > 1 ? 3 : spatial.Y > 1 ? 2 : 1;
        int before = reasons.Count;
        int inRowStride = Fit(input.RowStride, "input member 'Data': the row stride", reasons);
        int inDist = Fit(input.SignalStride, "input member 'Data': the signal stride (elements per padded signal)", reasons);
        int outRowStride = Fit(output.RowStride, "output member 'Data': the row stride", reasons);
        int outDist = Fit(output.SignalStride, "output member 'Data': the signal stride (elements per padded signal)", reasons);
        if (reasons.Count > before)
        {
            return null;
        }

        var shape = new FftwPlanKey(
            kind,
            rank,
            Nz: rank == 3 ? spatial.Z : 1,
            Ny: rank >= 2 ? spatial.Y : 1,
            Nx: spatial.X,
            HowMany: spatial.N,
            InRowStride: rank >= 2 ? inRowStride : 0,
            InRows: rank == 3 ? input.PaddedSize.Y : 0,
            InDist: inDist,
            OutRowStride: rank >= 2 ? outRowStride : 0,
            OutRows: rank == 3 ? output.PaddedSize.Y : 0,
            OutDist: outDist,
            InPlace: false,
            InAlignment: 0,
            OutAlignment: 0,
            Threads: 1,
            Flags: 0);
        long inOffset = input.RowStart(0) * shape.InElementSize;
        long outOffset = output.RowStart(0) * shape.OutElementSize;
        bool inPlace = inOffset == outOffset
            && (long)shape.InDist * shape.InElementSize == (long)shape.OutDist * shape.OutElementSize
            && (long)shape.InRowStride * shape.InElementSize == (long)shape.OutRowStride * shape.OutElementSize
            && shape.InRows == shape.OutRows;
        return new FftwLayout(shape, inOffset, outOffset, inPlace);
    }

    private static int Fit(long value, string what, ICollection<string> reasons)
    {
        if (value > int.MaxValue)
        {
            reasons.Add($"{what} is {value} elements, more than FFTW's 32-bit interface can address; split the batch or the data.");
            return 0;
        }

        return (int)value;
    }
}
