using System.Text.Json;

namespace Oompa.Samples.FlexAlign.Local;

/// <summary>
/// Serialisable form of a <see cref="LocalMotionModel"/> (stored in <c>&lt;movie&gt;.json</c>): movie dimensions,
/// control-point counts, knot spacings (informational; validated against the counts on load) and the flat coefficient
/// arrays in the layout j = ((kt + 1)·ly + (ky + 1))·lx + (kx + 1), control indices k = −1 … l − 2.
/// </summary>
public sealed record LocalMotionModelData
{
    /// <summary>JSON options used by <see cref="LocalMotionModel.ToJson"/> / <see cref="LocalMotionModel.FromJson"/> (camelCase).</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    /// <summary>Frame width W in pixels.</summary>
    public int Width { get; init; }

    /// <summary>Frame height H in pixels.</summary>
    public int Height { get; init; }

    /// <summary>Number of frames F.</summary>
    public int Frames { get; init; }

    /// <summary>Control points along x.</summary>
    public int ControlPointsX { get; init; }

    /// <summary>Control points along y.</summary>
    public int ControlPointsY { get; init; }

    /// <summary>Control points along t.</summary>
    public int ControlPointsT { get; init; }

    /// <summary>Knot spacing T_x in pixels.</summary>
    public double SpacingX { get; init; }

    /// <summary>Knot spacing T_y in pixels.</summary>
    public double SpacingY { get; init; }

    /// <summary>Knot spacing T_t in frames.</summary>
    public double SpacingT { get; init; }

    /// <summary>Coefficients of the x compensation.</summary>
    public IReadOnlyList<double>? CoefficientsX { get; init; }

    /// <summary>Coefficients of the y compensation.</summary>
    public IReadOnlyList<double>? CoefficientsY { get; init; }
}
