using System.Buffers;

namespace Oompa.Samples.FlexAlign.Local;

/// <summary>
/// Applies a per-pixel compensation field to a frame: corrected(x, y) = input(x − c_x(x, y), y − c_y(x, y)), i.e. the
/// frame content is translated by the compensation c (the negated measured displacement), evaluated at the output pixel.
/// </summary>
/// <remarks>
/// Frames are dense row-major float images (index y·W + x). Interpolation is bilinear (as in the FlexAlign phantom);
/// an integer compensation reproduces the shifted input exactly. Sample positions outside the frame are clamped to the
/// border (the edge pixels are repeated). The field itself is sampled on a coarse grid (<see cref="ShiftField"/>) and
/// interpolated bilinearly per pixel. Rows run in parallel; nothing is allocated per pixel.
/// </remarks>
public static class LocalShiftResampler
{
    private const int StackNodes = 512;

    /// <summary>Corrects frame <paramref name="frame"/> with a local motion model (field sampled every <paramref name="gridStep"/> px).</summary>
    /// <param name="model">The compensation model.</param>
    /// <param name="frame">0-based frame index.</param>
    /// <param name="input">Input frame, W·H values.</param>
    /// <param name="output">Corrected frame, W·H values (must not overlap the input).</param>
    /// <param name="gridStep">Coarse field spacing in pixels (default 32).</param>
    /// <param name="options">Parallelism; default settings if null.</param>
    public static void Apply(LocalMotionModel model, int frame, ReadOnlySpan<float> input, Span<float> output, int gridStep = 32, ParallelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        Apply(ShiftField.FromModel(model, frame, gridStep), input, output, accumulate: false, options);
    }

    /// <summary>Corrects a frame with a compensation field: output = input(x − c).</summary>
    /// <param name="field">The compensation field (its size defines W and H).</param>
    /// <param name="input">Input frame, W·H values.</param>
    /// <param name="output">Corrected frame, W·H values (must not overlap the input).</param>
    /// <param name="options">Parallelism; default settings if null.</param>
    public static void Apply(ShiftField field, ReadOnlySpan<float> input, Span<float> output, ParallelOptions? options = null) =>
        Apply(field, input, output, accumulate: false, options);

    /// <summary>Adds the corrected frame to <paramref name="sum"/> (output += input(x − c)), for building the aligned average.</summary>
    /// <param name="field">The compensation field.</param>
    /// <param name="input">Input frame, W·H values.</param>
    /// <param name="sum">Accumulator, W·H values (must not overlap the input).</param>
    /// <param name="options">Parallelism; default settings if null.</param>
    public static void Accumulate(ShiftField field, ReadOnlySpan<float> input, Span<float> sum, ParallelOptions? options = null) =>
        Apply(field, input, sum, accumulate: true, options);

    private static unsafe void Apply(ShiftField field, ReadOnlySpan<float> input, Span<float> output, bool accumulate, ParallelOptions? options)
    {
        ArgumentNullException.ThrowIfNull(field);
        int w = field.Width, h = field.Height;
        var n = (long)w * h;
        if (input.Length != n || output.Length != n)
        {
            throw new ArgumentException($"field is {w}×{h} = {n} px; got input of {input.Length} and output of {output.Length}.");
        }

        if (input.Overlaps(output))
        {
            throw new ArgumentException("input and output must not overlap.", nameof(output));
        }

        fixed (float* pin = input)
        fixed (float* pout = output)
        {
            var src = (nint)pin;
            var dst = (nint)pout;
            Parallel.For(0, h, options ?? new ParallelOptions(), y => Row(field, (float*)src, (float*)dst, y, accumulate));
        }
    }

    private static unsafe void Row(ShiftField field, float* input, float* output, int y, bool accumulate)
    {
        int w = field.Width, h = field.Height, nodes = field.NodeCountX;
        double[]? rented = null;
        var buffer = nodes * 2 <= StackNodes ? stackalloc double[nodes * 2] : (rented = ArrayPool<double>.Shared.Rent(nodes * 2)).AsSpan(0, nodes * 2);
        try
        {
            var cxs = buffer[..nodes];
            var cys = buffer[nodes..];
            field.RowNodes(y, cxs, cys);
            var row = output + ((long)y * w);
            var k = 0;
            double x0 = 0, inv = 0;
            if (nodes > 1)
            {
                inv = 1.0 / (field.NodeX(1) - field.NodeX(0));
            }

            for (var x = 0; x < w; x++)
            {
                double cx = cxs[0], cy = cys[0];
                if (nodes > 1)
                {
                    while (k < nodes - 2 && x >= field.NodeX(k + 1))
                    {
                        k++;
                        x0 = field.NodeX(k);
                        inv = 1.0 / (field.NodeX(k + 1) - x0);
                    }

                    var f = (x - x0) * inv;
                    cx = ShiftField.Lerp(cxs[k], cxs[k + 1], f);
                    cy = ShiftField.Lerp(cys[k], cys[k + 1], f);
                }

                var v = Sample(input, w, h, x - cx, y - cy);
                row[x] = accumulate ? row[x] + v : v;
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<double>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Bilinear sample at (sx, sy) with the position clamped to the frame.</summary>
    private static unsafe float Sample(float* img, int w, int h, double sx, double sy)
    {
        sx = Math.Clamp(sx, 0, w - 1);
        sy = Math.Clamp(sy, 0, h - 1);
        if (double.IsNaN(sx) || double.IsNaN(sy))
        {
            return float.NaN;
        }

        var ix = (int)sx;
        var iy = (int)sy;
        var fx = (float)(sx - ix);
        var fy = (float)(sy - iy);
        var ix1 = Math.Min(ix + 1, w - 1);
        var iy1 = Math.Min(iy + 1, h - 1);
        var r0 = img + ((long)iy * w);
        var r1 = img + ((long)iy1 * w);
        var top = r0[ix] + (fx * (r0[ix1] - r0[ix]));
        var bottom = r1[ix] + (fx * (r1[ix1] - r1[ix]));
        return top + (fy * (bottom - top));
    }
}
