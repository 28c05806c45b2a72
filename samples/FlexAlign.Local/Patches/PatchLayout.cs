namespace Oompa.Samples.FlexAlign.Local;

/// <summary>
/// FlexAlign's patch grid for local alignment (thesis §1.6): per axis n = ⌈R_f/R_p⌉ patches (or explicit counts),
/// first and last touching the frame edges, the rest evenly spaced and overlapping (see <see cref="PatchAxis"/>).
/// Patches are enumerated row-major (index = IndexY·CountX + IndexX).
/// </summary>
public sealed class PatchLayout
{
    /// <summary>Creates a layout from explicit axes.</summary>
    /// <param name="x">Layout along x (width).</param>
    /// <param name="y">Layout along y (height).</param>
    public PatchLayout(PatchAxis x, PatchAxis y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        X = x;
        Y = y;
    }

    /// <summary>Layout with FlexAlign's default counts ⌈W/Pw⌉ × ⌈H/Ph⌉.</summary>
    /// <param name="frameWidth">Frame width in px.</param>
    /// <param name="frameHeight">Frame height in px.</param>
    /// <param name="patchWidth">Patch width in px (≤ frame width).</param>
    /// <param name="patchHeight">Patch height in px (≤ frame height).</param>
    /// <returns>The layout.</returns>
    /// <exception cref="ArgumentException">Invalid sizes (e.g. patch larger than the frame), naming the axis.</exception>
    public static PatchLayout Create(int frameWidth, int frameHeight, int patchWidth, int patchHeight)
    {
        CheckSizes(frameWidth, frameHeight, patchWidth, patchHeight);
        return Create(frameWidth, frameHeight, patchWidth, patchHeight,
            PatchAxis.DefaultCount(frameWidth, patchWidth), PatchAxis.DefaultCount(frameHeight, patchHeight));
    }

    /// <summary>Layout with explicit patch counts (e.g. <c>--patches 7 7</c>).</summary>
    /// <param name="frameWidth">Frame width in px.</param>
    /// <param name="frameHeight">Frame height in px.</param>
    /// <param name="patchWidth">Patch width in px.</param>
    /// <param name="patchHeight">Patch height in px.</param>
    /// <param name="countX">Patches along x.</param>
    /// <param name="countY">Patches along y.</param>
    /// <returns>The layout.</returns>
    /// <exception cref="ArgumentException">Invalid sizes or counts, naming the axis.</exception>
    public static PatchLayout Create(int frameWidth, int frameHeight, int patchWidth, int patchHeight, int countX, int countY) =>
        new(new PatchAxis(frameWidth, patchWidth, countX, "x"), new PatchAxis(frameHeight, patchHeight, countY, "y"));

    /// <summary>Layout along x.</summary>
    public PatchAxis X { get; }

    /// <summary>Layout along y.</summary>
    public PatchAxis Y { get; }

    /// <summary>Patches along x.</summary>
    public int CountX => X.Count;

    /// <summary>Patches along y.</summary>
    public int CountY => Y.Count;

    /// <summary>Total number of patches.</summary>
    public int Count => CountX * CountY;

    /// <summary>Patch by row-major index.</summary>
    /// <param name="index">0 … Count − 1.</param>
    /// <returns>The patch.</returns>
    public Patch this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            int ix = index % CountX, iy = index / CountX;
            return new Patch(index, ix, iy, X.Origin(ix), Y.Origin(iy), X.PatchSize, Y.PatchSize);
        }
    }

    /// <summary>All patches in row-major order.</summary>
    /// <returns>The patches.</returns>
    public IEnumerable<Patch> Patches()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    private static void CheckSizes(int frameWidth, int frameHeight, int patchWidth, int patchHeight)
    {
        if (patchWidth > frameWidth || patchHeight > frameHeight)
        {
            throw new ArgumentException(
                $"patch {patchWidth}×{patchHeight} px is larger than the frame {frameWidth}×{frameHeight} px.");
        }
    }
}
