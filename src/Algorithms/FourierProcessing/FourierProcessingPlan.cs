using Oompa.Algorithms.Common;
using Oompa.Core.Data;

namespace Oompa.Algorithms.FourierProcessing;

/// <summary>
/// Everything a kernel needs to process one output row without branching per element, computed once at Init: for each
/// unshifted output row r = y + outY·z of a signal, where it reads from, where it writes to, the filter row, the
/// row's scalar factor (normalisation · Gaussian(y, z) · (−1)^(y+z)) and how many leading columns survive the
/// maximum-frequency cut; plus the per-column factors (Gaussian(x) · (−1)^x), stored twice each so that they line up
/// with interleaved (re, im) floats.
/// </summary>
internal sealed class FourierProcessingPlan
{
    public FourierProcessingPlan(FourierDescriptor input, FourierDescriptor output, LogicalDescriptor? filter, FourierProcessingSettings settings)
    {
        var inS = input.SpatialSize;
        var outS = output.SpatialSize;
        Width = output.FrequencySize.X;
        Signals = outS.N;
        RowsPerSignal = outS.Y * outS.Z;
        InputSignalStride = input.Frequency.SignalStride;
        OutputSignalStride = output.Frequency.SignalStride;
        SourceRow = new long[RowsPerSignal];
        DestinationRow = new long[RowsPerSignal];
        FilterRow = new long[RowsPerSignal];
        Factor = new float[RowsPerSignal];
        Cutoff = new int[RowsPerSignal];
        HasFilter = filter is not null;
        HasColumnFactors = settings.Center || settings.GaussianSigma is not null;

        double norm = settings.Normalize ? 1.0 / inS.Single : 1.0;
        for (int z = 0; z < outS.Z; z++)
        {
            int sz = FrequencyIndex.CropSource(z, outS.Z, inS.Z);
            int dz = settings.Shift ? FrequencyIndex.ShiftDestination(z, outS.Z) : z;
            double fz = FrequencyIndex.Frequency(sz, inS.Z);
            double gz = Gaussian(FrequencyIndex.Frequency(z, outS.Z), settings.GaussianSigma);
            for (int y = 0; y < outS.Y; y++)
            {
                int r = y + (outS.Y * z);
                int sy = FrequencyIndex.CropSource(y, outS.Y, inS.Y);
                int dy = settings.Shift ? FrequencyIndex.ShiftDestination(y, outS.Y) : y;
                SourceRow[r] = input.Frequency.OffsetUnchecked(0, sy, sz, 0);
                DestinationRow[r] = output.Frequency.OffsetUnchecked(0, dy, dz, 0);
                FilterRow[r] = filter?.OffsetUnchecked(0, y, z, 0) ?? 0;
                double gy = Gaussian(FrequencyIndex.Frequency(y, outS.Y), settings.GaussianSigma);
                double sign = settings.Center ? FrequencyIndex.Sign(y + z) : 1;
                Factor[r] = (float)(norm * gy * gz * sign);
                Cutoff[r] = settings.MaxFrequency is { } fmax
                    ? KeptColumns(Width, inS.X, FrequencyIndex.Frequency(sy, inS.Y), fz, fmax)
                    : Width;
            }
        }

        PrefetchSource = !SourceIsOneStream();
        ColumnFactors = new float[2 * Width];
        for (int x = 0; x < Width; x++)
        {
            double sign = settings.Center ? FrequencyIndex.Sign(x) : 1;
            float f = (float)(Gaussian(FrequencyIndex.Frequency(x, outS.X), settings.GaussianSigma) * sign);
            ColumnFactors[2 * x] = f;
            ColumnFactors[(2 * x) + 1] = f;
        }
    }

    /// <summary>Columns of every row (output frequency size X).</summary>
    public int Width { get; }

    /// <summary>Images in the batch.</summary>
    public int Signals { get; }

    /// <summary>Rows of one image: outY · outZ.</summary>
    public int RowsPerSignal { get; }

    /// <summary>Elements between consecutive input images.</summary>
    public long InputSignalStride { get; }

    /// <summary>Elements between consecutive output images.</summary>
    public long OutputSignalStride { get; }

    /// <summary>Element offset, within an input image, of the row that output row r reads.</summary>
    public long[] SourceRow { get; }

    /// <summary>Element offset, within an output image, where output row r is written (after shifting).</summary>
    public long[] DestinationRow { get; }

    /// <summary>Element offset of the filter row of output row r (unshifted).</summary>
    public long[] FilterRow { get; }

    /// <summary>Scalar factor of output row r.</summary>
    public float[] Factor { get; }

    /// <summary>Leading columns of row r that are kept; the rest are set to zero.</summary>
    public int[] Cutoff { get; }

    /// <summary>Per-column factors, each stored twice (re and im lanes); all ones when <see cref="HasColumnFactors"/> is false.</summary>
    public float[] ColumnFactors { get; }

    /// <summary>Whether the column factors differ from one (centring or Gaussian).</summary>
    public bool HasColumnFactors { get; }

    /// <summary>Whether a filter payload is applied.</summary>
    public bool HasFilter { get; }

    /// <summary>
    /// Whether kernels should prefetch each next source row: true unless the rows read form one contiguous stream (no
    /// crop, no padding), which the hardware prefetchers follow by themselves.
    /// </summary>
    public bool PrefetchSource { get; }

    /// <summary>
    /// The number of leading columns x of a row that are kept, i.e. for which fx² + fy² + fz² ≤ fmax² (evaluated in
    /// double, left to right, fx = x / inX). fx grows with x, so the kept columns form a prefix.
    /// </summary>
    internal static int KeptColumns(int width, int inX, double fy, double fz, double fmax)
    {
        double limit = fmax * fmax;
        double rest = limit - (fy * fy) - (fz * fz);
        int c = rest < 0 ? 0 : (int)Math.Min(width, Math.Floor(Math.Sqrt(rest) * inX) + 1);
        while (c > 0 && Beyond(c - 1))
        {
            c--;
        }

        while (c < width && !Beyond(c))
        {
            c++;
        }

        return c;

        bool Beyond(int x)
        {
            double fx = (double)x / inX;
            return (fx * fx) + (fy * fy) + (fz * fz) > limit;
        }
    }

    /// <summary>Whether every image's source rows follow one another without gaps, and images likewise.</summary>
    private bool SourceIsOneStream()
    {
        if (InputSignalStride != (long)RowsPerSignal * Width)
        {
            return false;
        }

        for (int r = 0; r < RowsPerSignal; r++)
        {
            if (SourceRow[r] != (long)r * Width)
            {
                return false;
            }
        }

        return true;
    }

    private static double Gaussian(double f, double? sigma) =>
        sigma is { } s ? Math.Exp(-(f * f) / (2 * s * s)) : 1.0;
}
