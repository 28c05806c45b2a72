namespace Oompa.Samples.FlexAlign.Phantom;

/// <summary>
/// A FlexAlign grid phantom movie (algorithms.md §1.10): lines <see cref="LineWidth"/> px wide every
/// <see cref="LineSpacing"/> px (grid value v = 1, background 0), moved per frame t of n by
/// <c>x(t) = a1(n−t) + a2(n−t)² + cos(n−t)/10</c>, <c>y(t) = b1(n−t) + b2(n−t)² + sin((n−t)²)/5</c>, both multiplied by
/// <see cref="DriftScale"/>; optional doming; expected counts <c>μ = μb − (μb − μf)·v</c>, Poisson-sampled when
/// <see cref="Noise"/> is set.
/// </summary>
public sealed record PhantomSettings
{
    /// <summary>Frame width in pixels.</summary>
    public int Width { get; init; } = 512;

    /// <summary>Frame height in pixels.</summary>
    public int Height { get; init; } = 512;

    /// <summary>Number of frames n.</summary>
    public int Frames { get; init; } = 10;

    /// <summary>Grid period in pixels.</summary>
    public double LineSpacing { get; init; } = 50;

    /// <summary>Grid line width in pixels.</summary>
    public double LineWidth { get; init; } = 5;

    /// <summary>Drift coefficient a1 (x, linear).</summary>
    public double A1 { get; init; } = -0.039;

    /// <summary>Drift coefficient a2 (x, quadratic).</summary>
    public double A2 { get; init; } = 0.002;

    /// <summary>Drift coefficient b1 (y, linear).</summary>
    public double B1 { get; init; } = -0.02;

    /// <summary>Drift coefficient b2 (y, quadratic).</summary>
    public double B2 { get; init; } = 0.002;

    /// <summary>Multiplies the whole trajectory (the paper's constants give sub-pixel drift for 10–30 frames).</summary>
    public double DriftScale { get; init; } = 1;

    /// <summary>Doming parameters; null for rigid frames.</summary>
    public DomingParameters? Doming { get; init; }

    /// <summary>Expected counts on the background, μb.</summary>
    public double MuBackground { get; init; } = 1.25;

    /// <summary>Expected counts on the grid, μf.</summary>
    public double MuForeground { get; init; } = 1.05;

    /// <summary>Whether frames hold Poisson counts (true) or the expected counts μ themselves (false).</summary>
    public bool Noise { get; init; } = true;

    /// <summary>Seed of the noise; equal settings give identical movies.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The global drift of frame <paramref name="t"/> (0-based) in pixels: the scene seen in frame t is moved by it.</summary>
    public FrameShift Drift(int t)
    {
        double m = Frames - t;
        double x = (A1 * m) + (A2 * m * m) + (Math.Cos(m) / 10);
        double y = (B1 * m) + (B2 * m * m) + (Math.Sin(m * m) / 5);
        return new FrameShift(x * DriftScale, y * DriftScale);
    }

    /// <summary>Throws when a value is out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Width, 2, nameof(Width));
        ArgumentOutOfRangeException.ThrowIfLessThan(Height, 2, nameof(Height));
        ArgumentOutOfRangeException.ThrowIfLessThan(Frames, 1, nameof(Frames));
        if (!(LineSpacing > 0) || !(LineWidth > 0) || LineWidth >= LineSpacing)
        {
            throw new ArgumentOutOfRangeException(nameof(LineWidth), "Need 0 < LineWidth < LineSpacing.");
        }

        if (!(MuBackground > 0) || !(MuForeground > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(MuBackground), "Expected counts must be positive.");
        }
    }
}
