using Oompa.Algorithms.Common;
using Oompa.Core.Data;

namespace Oompa.Algorithms.Correlation;

/// <summary>
/// What a kernel needs per row, computed once at Init: the row offsets within an image of Data1, Data2 and the output
/// (padding honoured), and the row's centring sign (−1)^(y+z) on unshifted indices. Columns alternate sign when
/// centring; that pattern is the same for every row, so it is not stored.
/// </summary>
internal sealed class CorrelationPlan
{
    public CorrelationPlan(FourierDescriptor data1, FourierDescriptor data2, FourierDescriptor output, CorrelationPairs pairs, bool center)
    {
        var size = data1.SpatialSize;
        Pairs = pairs;
        Width = data1.FrequencySize.X;
        RowsPerSignal = size.Y * size.Z;
        Stride1 = data1.Frequency.SignalStride;
        Stride2 = data2.Frequency.SignalStride;
        OutputStride = output.Frequency.SignalStride;
        Row1 = new long[RowsPerSignal];
        Row2 = new long[RowsPerSignal];
        OutputRow = new long[RowsPerSignal];
        RowSign = new float[RowsPerSignal];
        AlternateColumns = center && Width > 1;
        bool shifted = data1.State.HasFlag(FourierState.Shifted);
        for (int r = 0; r < RowsPerSignal; r++)
        {
            Row1[r] = data1.Frequency.RowStart(r);
            Row2[r] = data2.Frequency.RowStart(r);
            OutputRow[r] = output.Frequency.RowStart(r);
            int y = r % size.Y;
            int z = r / size.Y;
            if (shifted)
            {
                // Stored row y holds unshifted row (y − Y/2) mod Y, likewise for planes.
                y = (y + size.Y - (size.Y / 2)) % size.Y;
                z = (z + size.Z - (size.Z / 2)) % size.Z;
            }

            RowSign[r] = center ? FrequencyIndex.Sign(y + z) : 1f;
        }
    }

    /// <summary>The pairs, in output order.</summary>
    public CorrelationPairs Pairs { get; }

    /// <summary>Coefficients per row.</summary>
    public int Width { get; }

    /// <summary>Rows per image: Y·Z.</summary>
    public int RowsPerSignal { get; }

    /// <summary>Elements between images of Data1.</summary>
    public long Stride1 { get; }

    /// <summary>Elements between images of Data2 (of Data1 for WithinBatch).</summary>
    public long Stride2 { get; }

    /// <summary>Elements between output images.</summary>
    public long OutputStride { get; }

    /// <summary>Offset of row r within an image of Data1.</summary>
    public long[] Row1 { get; }

    /// <summary>Offset of row r within an image of Data2.</summary>
    public long[] Row2 { get; }

    /// <summary>Offset of row r within an output image.</summary>
    public long[] OutputRow { get; }

    /// <summary>Sign of row r: (−1)^(y+z) when centring, else 1.</summary>
    public float[] RowSign { get; }

    /// <summary>Whether odd columns get the opposite sign (centring).</summary>
    public bool AlternateColumns { get; }
}
