using System.Globalization;

namespace Oompa.Core.Data;

/// <summary>
/// Immutable extent of a batch of signals: <see cref="X"/> × <see cref="Y"/> × <see cref="Z"/> elements per signal and
/// <see cref="N"/> signals. Every axis is at least one; an invalid shape cannot be constructed.
/// </summary>
/// <remarks>
/// Axes of length one are allowed anywhere (a 1 × 5 column is a valid 2D shape), unlike frameworks that reject
/// "collapsed" axes. <see cref="Dimensionality"/> is the index of the last axis longer than one.
/// Equality compares all four fields; there is no ordering, because comparing totals is not an order on shapes.
/// </remarks>
public readonly record struct Size
{
    /// <summary>Creates a size and rejects non-positive axes or element counts that overflow 64 bits.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is smaller than one, or the total overflows.</exception>
    public Size(int x, int y = 1, int z = 1, int n = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(x, 1, nameof(x));
        ArgumentOutOfRangeException.ThrowIfLessThan(y, 1, nameof(y));
        ArgumentOutOfRangeException.ThrowIfLessThan(z, 1, nameof(z));
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1, nameof(n));
        try
        {
            _ = checked((long)x * y * z * n);
        }
        catch (OverflowException)
        {
            throw new ArgumentOutOfRangeException(nameof(n), $"The size {x}×{y}×{z}×{n} has more elements than a 64-bit count can hold.");
        }

        X = x;
        Y = y;
        Z = z;
        N = n;
    }

    /// <summary>Elements along X (fastest varying).</summary>
    public int X { get; }

    /// <summary>Elements along Y.</summary>
    public int Y { get; }

    /// <summary>Elements along Z.</summary>
    public int Z { get; }

    /// <summary>Number of signals in the batch.</summary>
    public int N { get; }

    /// <summary>Elements of one signal: X·Y·Z.</summary>
    public long Single => (long)X * Y * Z;

    /// <summary>Elements of the whole batch: X·Y·Z·N.</summary>
    public long Total => Single * N;

    /// <summary>Index of the last axis longer than one (one for a single element).</summary>
    public Dimensionality Dimensionality => Z > 1 ? Dimensionality.Three : Y > 1 ? Dimensionality.Two : Dimensionality.One;

    /// <summary>The same signal shape with another batch count.</summary>
    public Size WithN(int n) => new(X, Y, Z, n);

    /// <summary>Length of the given axis (0 = X, 1 = Y, 2 = Z, 3 = N).</summary>
    public int this[int axis] => axis switch
    {
        0 => X,
        1 => Y,
        2 => Z,
        3 => N,
        _ => throw new ArgumentOutOfRangeException(nameof(axis), axis, "The axis must be 0 (X), 1 (Y), 2 (Z) or 3 (N)."),
    };

    /// <summary>Formats as <c>X×Y×Z×N</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{X}×{Y}×{Z}×{N}");
}
