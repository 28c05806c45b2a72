namespace Oompa.Samples.FlexAlign.Local;

/// <summary>
/// A per-pixel compensation field (c_x, c_y) of one frame, stored on a coarse grid and interpolated bilinearly.
/// Nodes along x are at 0, s, 2s, … and always include W − 1 (likewise y), so every pixel lies in a cell.
/// Sampling the B-spline every 32 px is accurate to far below a pixel because the spline varies on the scale of its
/// knot spacing (hundreds of pixels).
/// </summary>
public sealed class ShiftField
{
    private readonly int[] _nodesX;
    private readonly int[] _nodesY;
    private readonly double[] _cx; // [iy * NodesX + ix]
    private readonly double[] _cy;

    private ShiftField(int width, int height, int step)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(step, 1);
        Width = width;
        Height = height;
        Step = step;
        _nodesX = Nodes(width, step);
        _nodesY = Nodes(height, step);
        _cx = new double[_nodesX.Length * _nodesY.Length];
        _cy = new double[_cx.Length];
    }

    /// <summary>Frame width in pixels.</summary>
    public int Width { get; }

    /// <summary>Frame height in pixels.</summary>
    public int Height { get; }

    /// <summary>Node spacing in pixels.</summary>
    public int Step { get; }

    /// <summary>Node x positions (pixels), ascending, last = Width − 1.</summary>
    public IReadOnlyList<int> NodesX => _nodesX;

    /// <summary>Node y positions (pixels), ascending, last = Height − 1.</summary>
    public IReadOnlyList<int> NodesY => _nodesY;

    /// <summary>Samples a local motion model's compensation for one frame on a grid of <paramref name="step"/> px.</summary>
    /// <param name="model">The model.</param>
    /// <param name="frame">0-based frame index.</param>
    /// <param name="step">Node spacing in pixels (default 32).</param>
    /// <returns>The field for a frame of the model's size.</returns>
    public static ShiftField FromModel(LocalMotionModel model, int frame, int step = 32)
    {
        ArgumentNullException.ThrowIfNull(model);
        return FromFunction(model.Grid.Width, model.Grid.Height, step, (x, y) => model.Shift(x, y, frame));
    }

    /// <summary>Samples an arbitrary compensation function c(x, y) on a grid of <paramref name="step"/> px.</summary>
    /// <param name="width">Frame width.</param>
    /// <param name="height">Frame height.</param>
    /// <param name="step">Node spacing in pixels.</param>
    /// <param name="compensation">c(x, y) in pixels.</param>
    /// <returns>The field.</returns>
    public static ShiftField FromFunction(int width, int height, int step, Func<double, double, (double X, double Y)> compensation)
    {
        ArgumentNullException.ThrowIfNull(compensation);
        var f = new ShiftField(width, height, step);
        for (var iy = 0; iy < f._nodesY.Length; iy++)
        {
            for (var ix = 0; ix < f._nodesX.Length; ix++)
            {
                var (cx, cy) = compensation(f._nodesX[ix], f._nodesY[iy]);
                f._cx[(iy * f._nodesX.Length) + ix] = cx;
                f._cy[(iy * f._nodesX.Length) + ix] = cy;
            }
        }

        return f;
    }

    /// <summary>A constant compensation (a rigid translation).</summary>
    /// <param name="width">Frame width.</param>
    /// <param name="height">Frame height.</param>
    /// <param name="cx">Compensation along x.</param>
    /// <param name="cy">Compensation along y.</param>
    /// <returns>The field (exactly constant when interpolated).</returns>
    public static ShiftField Constant(int width, int height, double cx, double cy) =>
        FromFunction(width, height, Math.Max(width, height), (_, _) => (cx, cy));

    /// <summary>Bilinearly interpolated compensation at pixel (x, y); coordinates are clamped to the frame.</summary>
    /// <param name="x">Pixel x.</param>
    /// <param name="y">Pixel y.</param>
    /// <returns>(c_x, c_y).</returns>
    public (double X, double Y) Sample(double x, double y)
    {
        var (ix, fx) = Locate(_nodesX, x);
        var (iy, fy) = Locate(_nodesY, y);
        return (Bilinear(_cx, ix, iy, fx, fy), Bilinear(_cy, ix, iy, fx, fy));
    }

    /// <summary>Interpolates both components along y for row <paramref name="y"/> at every x node (per-row preparation).</summary>
    internal void RowNodes(int y, Span<double> cx, Span<double> cy)
    {
        var (iy, fy) = Locate(_nodesY, y);
        var nx = _nodesX.Length;
        var iy1 = Math.Min(iy + 1, _nodesY.Length - 1);
        for (var ix = 0; ix < nx; ix++)
        {
            cx[ix] = Lerp(_cx[(iy * nx) + ix], _cx[(iy1 * nx) + ix], fy);
            cy[ix] = Lerp(_cy[(iy * nx) + ix], _cy[(iy1 * nx) + ix], fy);
        }
    }

    internal int NodeCountX => _nodesX.Length;

    internal int NodeX(int i) => _nodesX[i];

    /// <summary>a + f·(b − a): exact when a = b, so constant fields stay exactly constant.</summary>
    internal static double Lerp(double a, double b, double f) => a + (f * (b - a));

    private double Bilinear(double[] c, int ix, int iy, double fx, double fy)
    {
        var nx = _nodesX.Length;
        var ix1 = Math.Min(ix + 1, nx - 1);
        var iy1 = Math.Min(iy + 1, _nodesY.Length - 1);
        var top = Lerp(c[(iy * nx) + ix], c[(iy * nx) + ix1], fx);
        var bottom = Lerp(c[(iy1 * nx) + ix], c[(iy1 * nx) + ix1], fx);
        return Lerp(top, bottom, fy);
    }

    private static (int Index, double Fraction) Locate(int[] nodes, double p)
    {
        if (nodes.Length == 1 || !(p > 0))
        {
            return (0, 0);
        }

        if (p >= nodes[^1])
        {
            return (nodes.Length - 1, 0);
        }

        var step = nodes[1] - nodes[0];
        var i = Math.Min((int)(p / step), nodes.Length - 2);
        return (i, (p - nodes[i]) / (nodes[i + 1] - nodes[i]));
    }

    private static int[] Nodes(int size, int step)
    {
        var list = new List<int>();
        for (var p = 0; p < size - 1; p += step)
        {
            list.Add(p);
        }

        list.Add(size - 1);
        return [.. list];
    }
}
