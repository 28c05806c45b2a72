using System.Text.Json;

namespace Oompa.Samples.FlexAlign.Local;

/// <summary>
/// FlexAlign's local motion model: two cubic B-splines over (x, y, t) giving, for any pixel of any frame, the
/// <b>compensation</b> c = (c_x, c_y), i.e. the negated measured displacement of the frame content
/// (c(x_p, y_p, t) ≈ −s for a patch whose content moved by s). Evaluation follows thesis eq. 4:
/// c_x(x, y, t) = Σ c_x[kt, ky, kx] β³(t/T_t − kt) β³(x/T_x − kx) β³(y/T_y − ky), likewise c_y.
/// A frame is corrected by sampling it at (x − c_x, y − c_y); see <see cref="LocalShiftResampler"/>.
/// </summary>
public sealed class LocalMotionModel
{
    private readonly double[] _cx;
    private readonly double[] _cy;

    /// <summary>Creates a model from its grid and coefficients (copied), laid out as <see cref="BSplineGrid.Index"/>.</summary>
    /// <param name="grid">The control-point lattice.</param>
    /// <param name="coefficientsX">x coefficients, <see cref="BSplineGrid.CoefficientCount"/> finite values.</param>
    /// <param name="coefficientsY">y coefficients, <see cref="BSplineGrid.CoefficientCount"/> finite values.</param>
    /// <exception cref="ArgumentException">A coefficient array has the wrong length or a non-finite value.</exception>
    public LocalMotionModel(BSplineGrid grid, ReadOnlySpan<double> coefficientsX, ReadOnlySpan<double> coefficientsY)
    {
        ArgumentNullException.ThrowIfNull(grid);
        Grid = grid;
        _cx = Checked(coefficientsX, grid, nameof(coefficientsX));
        _cy = Checked(coefficientsY, grid, nameof(coefficientsY));
    }

    /// <summary>The control-point lattice (counts, spacings, movie dimensions).</summary>
    public BSplineGrid Grid { get; }

    /// <summary>The x coefficients (flat, <see cref="BSplineGrid.Index"/> layout).</summary>
    public ReadOnlySpan<double> CoefficientsX => _cx;

    /// <summary>The y coefficients (flat, <see cref="BSplineGrid.Index"/> layout).</summary>
    public ReadOnlySpan<double> CoefficientsY => _cy;

    /// <summary>
    /// The compensation at pixel (x, y) of frame t: the vector to translate the frame content by so that it aligns
    /// with the reference (the negated displacement). Exact evaluation of the 4×4×4 support (no cut-off).
    /// </summary>
    /// <param name="x">Pixel x, 0 = left column.</param>
    /// <param name="y">Pixel y, 0 = top row.</param>
    /// <param name="t">0-based frame index (fractional values allowed).</param>
    /// <returns>(c_x, c_y) in pixels.</returns>
    public (double X, double Y) Shift(double x, double y, double t)
    {
        BSplineGrid.CheckFinite(x, y, t);
        var g = Grid;
        Span<double> wx = stackalloc double[4];
        Span<double> wy = stackalloc double[4];
        Span<double> wt = stackalloc double[4];
        var x0 = BSplineGrid.Support(x / g.SpacingX, g.ControlPointsX, wx);
        var y0 = BSplineGrid.Support(y / g.SpacingY, g.ControlPointsY, wy);
        var t0 = BSplineGrid.Support(t / g.SpacingT, g.ControlPointsT, wt);
        double sx = 0, sy = 0;
        for (var a = 0; a < 4; a++)
        {
            if (wt[a] == 0)
            {
                continue;
            }

            for (var b = 0; b < 4; b++)
            {
                var wtb = wt[a] * wy[b];
                if (wtb == 0)
                {
                    continue;
                }

                for (var c = 0; c < 4; c++)
                {
                    var w = wtb * wx[c];
                    if (w != 0)
                    {
                        var j = g.Index(x0 + c, y0 + b, t0 + a);
                        sx += w * _cx[j];
                        sy += w * _cy[j];
                    }
                }
            }
        }

        return (sx, sy);
    }

    /// <summary>The serialisable form (control-point counts, spacings, dimensions, coefficients).</summary>
    /// <returns>A new <see cref="LocalMotionModelData"/>.</returns>
    public LocalMotionModelData ToData() => new()
    {
        Width = Grid.Width,
        Height = Grid.Height,
        Frames = Grid.Frames,
        ControlPointsX = Grid.ControlPointsX,
        ControlPointsY = Grid.ControlPointsY,
        ControlPointsT = Grid.ControlPointsT,
        SpacingX = Grid.SpacingX,
        SpacingY = Grid.SpacingY,
        SpacingT = Grid.SpacingT,
        CoefficientsX = (double[])_cx.Clone(),
        CoefficientsY = (double[])_cy.Clone(),
    };

    /// <summary>Rebuilds a model from its serialisable form, validating counts, spacings and coefficient lengths.</summary>
    /// <param name="data">The data (e.g. read from the movie's JSON).</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentException">The data is inconsistent; the message names the field.</exception>
    public static LocalMotionModel FromData(LocalMotionModelData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var grid = new BSplineGrid(data.Width, data.Height, data.Frames, data.ControlPointsX, data.ControlPointsY, data.ControlPointsT);
        CheckSpacing(nameof(data.SpacingX), data.SpacingX, grid.SpacingX);
        CheckSpacing(nameof(data.SpacingY), data.SpacingY, grid.SpacingY);
        CheckSpacing(nameof(data.SpacingT), data.SpacingT, grid.SpacingT);
        if (data.CoefficientsX is null || data.CoefficientsY is null)
        {
            throw new ArgumentException("CoefficientsX and CoefficientsY are required.", nameof(data));
        }

        return new LocalMotionModel(grid, [.. data.CoefficientsX], [.. data.CoefficientsY]);
    }

    /// <summary>Serialises the model (<see cref="ToData"/>) to JSON with System.Text.Json.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => JsonSerializer.Serialize(ToData(), LocalMotionModelData.JsonOptions);

    /// <summary>Parses JSON written by <see cref="ToJson"/> and validates it (<see cref="FromData"/>).</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentException">The JSON is empty or inconsistent.</exception>
    public static LocalMotionModel FromJson(string json)
    {
        var data = JsonSerializer.Deserialize<LocalMotionModelData>(json, LocalMotionModelData.JsonOptions)
            ?? throw new ArgumentException("JSON contains no local motion model.", nameof(json));
        return FromData(data);
    }

    private static double[] Checked(ReadOnlySpan<double> c, BSplineGrid grid, string name)
    {
        if (c.Length != grid.CoefficientCount)
        {
            throw new ArgumentException(
                $"{name} has {c.Length} values; the grid {grid.ControlPointsX}×{grid.ControlPointsY}×{grid.ControlPointsT} needs {grid.CoefficientCount}.", name);
        }

        for (var i = 0; i < c.Length; i++)
        {
            if (!double.IsFinite(c[i]))
            {
                throw new ArgumentException($"{name}[{i}] is {c[i]}; coefficients must be finite.", name);
            }
        }

        return c.ToArray();
    }

    private static void CheckSpacing(string field, double stored, double expected)
    {
        if (Math.Abs(stored - expected) > 1e-9 * Math.Max(1, expected))
        {
            throw new ArgumentException($"{field} is {stored}, but the dimensions and control points give {expected}.", field);
        }
    }
}
