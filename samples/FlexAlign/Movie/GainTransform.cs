namespace Oompa.Samples.FlexAlign.Movie;

/// <summary>
/// Rotation and flip of a gain (or dark) reference with the meaning of MotionCor2's <c>-RotGain</c>/<c>-FlipGain</c>
/// and RELION's <c>--gain_rot</c>/<c>--gain_flip</c>: rotate by 90°·<see cref="Rotation"/> counter-clockwise, then flip
/// (1: upside down, i.e. about the horizontal axis; 2: left to right, about the vertical axis). Counter-clockwise is as
/// displayed with the MRC convention: x to the right, y (the row index) upwards.
/// </summary>
/// <param name="Rotation">0: none, 1: 90°, 2: 180°, 3: 270° counter-clockwise.</param>
/// <param name="Flip">0: none, 1: upside down (rows reversed), 2: left to right (columns reversed).</param>
public sealed record GainTransform(int Rotation = 0, int Flip = 0)
{
    /// <summary>No rotation, no flip.</summary>
    public static GainTransform None { get; } = new();

    /// <summary>Throws when <see cref="Rotation"/> is outside 0..3 or <see cref="Flip"/> outside 0..2.</summary>
    public void Validate()
    {
        if (Rotation is < 0 or > 3)
        {
            throw new ArgumentOutOfRangeException(nameof(Rotation), Rotation, "Gain rotation must be 0, 1, 2 or 3 (×90° counter-clockwise).");
        }

        if (Flip is < 0 or > 2)
        {
            throw new ArgumentOutOfRangeException(nameof(Flip), Flip, "Gain flip must be 0 (none), 1 (upside down) or 2 (left to right).");
        }
    }

    /// <summary>
    /// Applies the transform to an X-fastest image of <paramref name="width"/> × <paramref name="height"/>; returns the new
    /// image and its size (width and height swap for odd rotations).
    /// </summary>
    public (float[] Data, int Width, int Height) Apply(float[] image, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(image);
        Validate();
        var (data, w, h) = (image, width, height);
        for (int r = 0; r < Rotation; r++)
        {
            (data, w, h) = RotateCounterClockwise(data, w, h);
        }

        return Flip switch
        {
            1 => (Mirror(data, w, h, rows: true), w, h),
            2 => (Mirror(data, w, h, rows: false), w, h),
            _ => (data, w, h),
        };
    }

    /// <summary>
    /// 90° counter-clockwise with y upwards: the point (x, y) goes to (h−1−y, x), so out[x', y'] = in[y', h−1−x'] with
    /// out of size h × w.
    /// </summary>
    private static (float[] Data, int Width, int Height) RotateCounterClockwise(float[] image, int w, int h)
    {
        var result = new float[image.Length];
        int outW = h;
        int outH = w;
        for (int y2 = 0; y2 < outH; y2++)
        {
            for (int x2 = 0; x2 < outW; x2++)
            {
                result[((long)y2 * outW) + x2] = image[((long)(h - 1 - x2) * w) + y2];
            }
        }

        return (result, outW, outH);
    }

    private static float[] Mirror(float[] image, int w, int h, bool rows)
    {
        var result = new float[image.Length];
        for (int y = 0; y < h; y++)
        {
            for (int x = 0; x < w; x++)
            {
                int sx = rows ? x : w - 1 - x;
                int sy = rows ? h - 1 - y : y;
                result[((long)y * w) + x] = image[((long)sy * w) + sx];
            }
        }

        return result;
    }
}
