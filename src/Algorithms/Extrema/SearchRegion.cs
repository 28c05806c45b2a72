using System.Globalization;
using Oompa.Core.Data;

namespace Oompa.Algorithms.Extrema;

/// <summary>
/// Where in each signal to search: the whole signal, a window at a given position, or a rectangle (box) centred on the
/// signal centre. Sizes are never hard-coded: a box's extent is part of the region, and a box that does not fit inside
/// the input's signals makes <c>Init</c> decline with a reason.
/// </summary>
/// <remarks>
/// Centre convention of <see cref="CenteredRectangle"/>: the signal centre is element (X/2, Y/2, Z/2) with integer
/// division (where an FFT-centred correlation puts zero shift), and a box of extent (w, h, d) starts at
/// (X/2 − w/2, Y/2 − h/2, Z/2 − d/2), so the centre is element (w/2, h/2, d/2) of the box. For odd extents the box is
/// symmetric; for even extents it reaches one element further before the centre than after it. It fits exactly
/// when w ≤ X, h ≤ Y and d ≤ Z.
/// </remarks>
public sealed record SearchRegion
{
    private SearchRegion(SearchRegionKind kind, int x, int y, int z, Size? extent)
    {
        Kind = kind;
        X = x;
        Y = y;
        Z = z;
        Extent = extent;
    }

    /// <summary>Search the whole signal.</summary>
    public static SearchRegion Entire { get; } = new(SearchRegionKind.Entire, 0, 0, 0, null);

    /// <summary>What kind of region this is.</summary>
    public SearchRegionKind Kind { get; }

    /// <summary>First column of a <see cref="SearchRegionKind.Window"/> (zero otherwise).</summary>
    public int X { get; }

    /// <summary>First row of a <see cref="SearchRegionKind.Window"/> (zero otherwise).</summary>
    public int Y { get; }

    /// <summary>First plane of a <see cref="SearchRegionKind.Window"/> (zero otherwise).</summary>
    public int Z { get; }

    /// <summary>Extent of the box (N is 1); null for <see cref="SearchRegionKind.Entire"/>.</summary>
    public Size? Extent { get; }

    /// <summary>A box of <paramref name="extent"/> whose first element is (<paramref name="x"/>, <paramref name="y"/>, <paramref name="z"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A start coordinate is negative or <paramref name="extent"/>.N is not 1.</exception>
    public static SearchRegion Window(Size extent, int x, int y = 0, int z = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(x);
        ArgumentOutOfRangeException.ThrowIfNegative(y);
        ArgumentOutOfRangeException.ThrowIfNegative(z);
        RequireSingle(extent);
        return new(SearchRegionKind.Window, x, y, z, extent);
    }

    /// <summary>A box of <paramref name="extent"/> centred on the signal centre (see the remarks for the convention).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="extent"/>.N is not 1.</exception>
    public static SearchRegion CenteredRectangle(Size extent)
    {
        RequireSingle(extent);
        return new(SearchRegionKind.CenteredRectangle, 0, 0, 0, extent);
    }

    /// <summary>The box this region covers in a signal of <paramref name="signal"/>, or null when it does not fit.</summary>
    public SearchBox? Resolve(Size signal)
    {
        var (start, extent) = Bounds(signal);
        for (int axis = 0; axis < 3; axis++)
        {
            if (start[axis] < 0 || (long)start[axis] + extent[axis] > signal[axis])
            {
                return null;
            }
        }

        return new SearchBox(start[0], start[1], start[2], extent[0], extent[1], extent[2]);
    }

    /// <summary>One message per axis along which the box leaves a signal of <paramref name="signal"/>.</summary>
    public IReadOnlyList<string> Misfits(Size signal)
    {
        var (start, extent) = Bounds(signal);
        var problems = new List<string>();
        string[] names = ["X", "Y", "Z"];
        for (int axis = 0; axis < 3; axis++)
        {
            long end = (long)start[axis] + extent[axis];
            if (start[axis] < 0 || end > signal[axis])
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"along {names[axis]} the box covers [{start[axis]}, {end}), outside [0, {signal[axis]}) (Size.{names[axis]} = {signal[axis]})"));
            }
        }

        return problems;
    }

    /// <summary>Formats as <c>Entire</c>, <c>Window at (x, y, z) of W×H×D</c> or <c>CenteredRectangle of W×H×D</c>.</summary>
    public override string ToString() => Kind switch
    {
        SearchRegionKind.Window => string.Create(CultureInfo.InvariantCulture, $"Window at ({X}, {Y}, {Z}) of {Extent!.Value.X}×{Extent.Value.Y}×{Extent.Value.Z}"),
        SearchRegionKind.CenteredRectangle => string.Create(CultureInfo.InvariantCulture, $"CenteredRectangle of {Extent!.Value.X}×{Extent.Value.Y}×{Extent.Value.Z}"),
        _ => Kind.ToString(),
    };

    private static void RequireSingle(Size extent)
    {
        if (extent.N != 1)
        {
            throw new ArgumentOutOfRangeException(nameof(extent), extent, "A search box describes one signal: its N must be 1.");
        }
    }

    private (int[] Start, int[] Extent) Bounds(Size signal) => Kind switch
    {
        SearchRegionKind.Window => ([X, Y, Z], [Extent!.Value.X, Extent.Value.Y, Extent.Value.Z]),
        SearchRegionKind.CenteredRectangle =>
        (
            [(signal.X / 2) - (Extent!.Value.X / 2), (signal.Y / 2) - (Extent.Value.Y / 2), (signal.Z / 2) - (Extent.Value.Z / 2)],
            [Extent.Value.X, Extent.Value.Y, Extent.Value.Z]
        ),
        _ => ([0, 0, 0], [signal.X, signal.Y, signal.Z]),
    };
}
