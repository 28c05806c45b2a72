namespace Oompa.Samples.FlexAlign.Local;

/// <summary>
/// The control-point lattice of FlexAlign's space–time cubic B-spline (thesis eq. 4, Xmipp <c>bspline_helper</c>).
/// Per axis there are l ≥ 3 control points (end points included) with knot spacing T = dim/(l − 3), or T = dim when
/// l = 3, and control indices k = −1 … l − 2. A point u (pixel or frame coordinate) is weighted by β³(u/T − k).
/// </summary>
/// <remarks>
/// Coordinates: pixel (x, y) with (0, 0) the top-left pixel, x along a row (width), y down the rows (height);
/// t is the 0-based frame index, exactly as Xmipp uses <c>id_t</c>. The model is intended for x ∈ [0, W],
/// y ∈ [0, H], t ∈ [0, F], where every point has its full 4×4×4 support; outside it the basis is simply evaluated
/// (it decays, nothing is clamped).
/// Coefficient layout (flat, as in Xmipp): index j = ((kt + 1)·ly + (ky + 1))·lx + (kx + 1).
/// </remarks>
public sealed record BSplineGrid
{
    /// <summary>Default control points along x (Xmipp <c>--controlPoints 6 6 5</c>).</summary>
    public const int DefaultControlPointsX = 6;

    /// <summary>Default control points along y.</summary>
    public const int DefaultControlPointsY = 6;

    /// <summary>Default control points along t.</summary>
    public const int DefaultControlPointsT = 5;

    /// <summary>Creates a grid for a movie of <paramref name="frames"/> frames of width × height pixels.</summary>
    /// <param name="width">Frame width W in pixels (≥ 1).</param>
    /// <param name="height">Frame height H in pixels (≥ 1).</param>
    /// <param name="frames">Number of frames F (≥ 1).</param>
    /// <param name="controlPointsX">Control points along x, lx ≥ 3.</param>
    /// <param name="controlPointsY">Control points along y, ly ≥ 3.</param>
    /// <param name="controlPointsT">Control points along t, lt ≥ 3.</param>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is &lt; 1 or a control-point count is &lt; 3.</exception>
    public BSplineGrid(int width, int height, int frames,
        int controlPointsX = DefaultControlPointsX, int controlPointsY = DefaultControlPointsY,
        int controlPointsT = DefaultControlPointsT)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(frames, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(controlPointsX, 3);
        ArgumentOutOfRangeException.ThrowIfLessThan(controlPointsY, 3);
        ArgumentOutOfRangeException.ThrowIfLessThan(controlPointsT, 3);
        Width = width;
        Height = height;
        Frames = frames;
        ControlPointsX = controlPointsX;
        ControlPointsY = controlPointsY;
        ControlPointsT = controlPointsT;
    }

    /// <summary>Frame width W in pixels.</summary>
    public int Width { get; }

    /// <summary>Frame height H in pixels.</summary>
    public int Height { get; }

    /// <summary>Number of frames F.</summary>
    public int Frames { get; }

    /// <summary>Control points along x (lx).</summary>
    public int ControlPointsX { get; }

    /// <summary>Control points along y (ly).</summary>
    public int ControlPointsY { get; }

    /// <summary>Control points along t (lt).</summary>
    public int ControlPointsT { get; }

    /// <summary>Knot spacing along x in pixels, T_x = W/(lx − 3) (W when lx = 3).</summary>
    public double SpacingX => Spacing(Width, ControlPointsX);

    /// <summary>Knot spacing along y in pixels, T_y = H/(ly − 3) (H when ly = 3).</summary>
    public double SpacingY => Spacing(Height, ControlPointsY);

    /// <summary>Knot spacing along t in frames, T_t = F/(lt − 3) (F when lt = 3).</summary>
    public double SpacingT => Spacing(Frames, ControlPointsT);

    /// <summary>Number of coefficients per component, lx·ly·lt.</summary>
    public int CoefficientCount => ControlPointsX * ControlPointsY * ControlPointsT;

    /// <summary>Flat coefficient index of the control point with indices (kx, ky, kt), each in −1 … l − 2.</summary>
    /// <param name="kx">Control index along x.</param>
    /// <param name="ky">Control index along y.</param>
    /// <param name="kt">Control index along t.</param>
    /// <returns>((kt + 1)·ly + (ky + 1))·lx + (kx + 1).</returns>
    public int Index(int kx, int ky, int kt)
    {
        if (kx < -1 || kx > ControlPointsX - 2 || ky < -1 || ky > ControlPointsY - 2 || kt < -1 || kt > ControlPointsT - 2)
        {
            throw new ArgumentOutOfRangeException(nameof(kx),
                $"control indices ({kx}, {ky}, {kt}) outside −1…l−2 for l = ({ControlPointsX}, {ControlPointsY}, {ControlPointsT}).");
        }

        return ((((kt + 1) * ControlPointsY) + ky + 1) * ControlPointsX) + kx + 1;
    }

    /// <summary>
    /// Writes the basis weights of point (x, y, t) into <paramref name="row"/> (one design-matrix row):
    /// row[Index(kx, ky, kt)] = β³(t/T_t − kt)·β³(x/T_x − kx)·β³(y/T_y − ky). All other entries are set to 0.
    /// </summary>
    /// <param name="x">Pixel x (0 = left column).</param>
    /// <param name="y">Pixel y (0 = top row).</param>
    /// <param name="t">0-based frame index.</param>
    /// <param name="row">Destination of length <see cref="CoefficientCount"/>.</param>
    public void Basis(double x, double y, double t, Span<double> row)
    {
        if (row.Length != CoefficientCount)
        {
            throw new ArgumentException($"row has {row.Length} entries; the grid has {CoefficientCount} coefficients.", nameof(row));
        }

        CheckFinite(x, y, t);
        row.Clear();
        Span<double> wx = stackalloc double[4];
        Span<double> wy = stackalloc double[4];
        Span<double> wt = stackalloc double[4];
        var x0 = Support(x / SpacingX, ControlPointsX, wx);
        var y0 = Support(y / SpacingY, ControlPointsY, wy);
        var t0 = Support(t / SpacingT, ControlPointsT, wt);
        for (var a = 0; a < 4; a++)
        {
            for (var b = 0; b < 4; b++)
            {
                var wtb = wt[a] * wy[b];
                for (var c = 0; c < 4; c++)
                {
                    var w = wtb * wx[c];
                    if (w != 0)
                    {
                        row[Index(x0 + c, y0 + b, t0 + a)] += w;
                    }
                }
            }
        }
    }

    /// <summary>
    /// Basis weights of the (at most) four control points influencing coordinate <paramref name="u"/> (in knot units):
    /// returns the first control index k0 and fills w[i] = β³(u − (k0 + i)), with 0 for indices outside −1 … l − 2.
    /// </summary>
    internal static int Support(double u, int controlPoints, Span<double> w)
    {
        var k0 = (int)Math.Floor(u) - 1;
        for (var i = 0; i < 4; i++)
        {
            var k = k0 + i;
            w[i] = k < -1 || k > controlPoints - 2 ? 0 : CubicBSpline.Value(u - k);
        }

        // Keep k0 inside the index range so callers may form Index(k0 + i) for non-zero weights only.
        if (k0 < -1)
        {
            var s = -1 - k0;
            for (var i = 0; i < 4; i++)
            {
                w[i] = i + s < 4 ? w[i + s] : 0;
            }

            k0 = -1;
        }

        return k0;
    }

    /// <summary>Throws when a coordinate is NaN or infinite.</summary>
    internal static void CheckFinite(double x, double y, double t)
    {
        if (!double.IsFinite(x) || !double.IsFinite(y) || !double.IsFinite(t))
        {
            throw new ArgumentException($"coordinates must be finite; got (x = {x}, y = {y}, t = {t}).");
        }
    }

    private static double Spacing(int dim, int l) => l == 3 ? dim : dim / (double)(l - 3);
}
