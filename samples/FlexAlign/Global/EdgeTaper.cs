using System.Numerics;

namespace Oompa.Samples.FlexAlign.Global;

/// <summary>
/// Prepares frames for correlation: subtracts each frame's mean and multiplies by a separable raised-cosine window that
/// falls from 1 to 0 over <see cref="Width"/> frame pixels at every border. Without it the circular correlation sees the
/// fixed discontinuity where the frame wraps, which does not move with the specimen and biases the measured shifts
/// (by 7 % of the shift on 256² grid phantoms). Only the correlation path is tapered; the aligned sum uses the frames
/// as they are. The window is defined on the frame and may be applied to a resampled image (the frame cropped in
/// Fourier space): sample (i, j) of an image of n pixels per axis lies at frame position i·width/n.
/// </summary>
internal sealed class EdgeTaper
{
    private readonly float[] columns;
    private readonly float[] rows;

    /// <summary>A window for frames of <paramref name="width"/> × <paramref name="height"/>, sampled on an image of
    /// <paramref name="sampledWidth"/> × <paramref name="sampledHeight"/> (by default the frame itself).</summary>
    public EdgeTaper(int width, int height, int? sampledWidth = null, int? sampledHeight = null)
    {
        Width = Math.Max(4, Math.Min(width, height) / 16);
        columns = Profile(width, sampledWidth ?? width, Width);
        rows = Profile(height, sampledHeight ?? height, Width);
    }

    /// <summary>Border width of the window in frame pixels (1/16 of the shorter side, at least 4).</summary>
    public int Width { get; }

    /// <summary>Applies mean subtraction and the window to one frame, in place.</summary>
    public void Apply(Span<float> frame)
    {
        int w = columns.Length;
        double sum = 0;
        for (int y = 0; y < rows.Length; y++)
        {
            sum += RowSum(frame.Slice(y * w, w));
        }

        float mean = (float)(sum / frame.Length);
        ReadOnlySpan<float> window = columns;
        var vectorMean = new Vector<float>(mean);
        int vectorEnd = w - (w % Vector<float>.Count);
        for (int y = 0; y < rows.Length; y++)
        {
            var row = frame.Slice(y * w, w);
            float ry = rows[y];
            var vectorRy = new Vector<float>(ry);
            int x = 0;
            for (; x < vectorEnd; x += Vector<float>.Count)
            {
                var values = new Vector<float>(row.Slice(x));
                ((values - vectorMean) * vectorRy * new Vector<float>(window.Slice(x))).CopyTo(row.Slice(x));
            }

            for (; x < w; x++)
            {
                row[x] = (row[x] - mean) * ry * window[x];
            }
        }
    }

    // One row's sum: float lanes over the row (a few thousand values), added up in double across rows.
    private static double RowSum(ReadOnlySpan<float> row)
    {
        var lanes = Vector<float>.Zero;
        int x = 0;
        for (; x <= row.Length - Vector<float>.Count; x += Vector<float>.Count)
        {
            lanes += new Vector<float>(row.Slice(x));
        }

        double sum = 0;
        for (int i = 0; i < Vector<float>.Count; i++)
        {
            sum += lanes[i];
        }

        for (; x < row.Length; x++)
        {
            sum += row[x];
        }

        return sum;
    }

    // The frame's pixel p covers [p − 1/2, p + 1/2]; the window rises from the frame's edges at −1/2 and length − 1/2, so
    // on the frame itself sample p is 0.5 − 0.5·cos(π(min(p, length − 1 − p) + 1/2)/b).
    private static float[] Profile(int length, int samples, int border)
    {
        var profile = new float[samples];
        double b = Math.Min(border, length / 2);
        double step = length / (double)samples;
        for (int i = 0; i < samples; i++)
        {
            double position = i * step;
            double distance = Math.Min(position + 0.5, length - 0.5 - position);
            profile[i] = distance >= b ? 1f : (float)(0.5 - (0.5 * Math.Cos(Math.PI * Math.Max(distance, 0) / b)));
        }

        return profile;
    }
}
