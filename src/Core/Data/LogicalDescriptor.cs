namespace Oompa.Core.Data;

/// <summary>
/// What a buffer of a batch of signals means in memory: the logical <see cref="Size"/>, the <see cref="Padding"/> around
/// each signal and the resulting <see cref="PaddedSize"/>. Element (x, y, z, n) of the data lives at <see cref="Offset"/>.
/// </summary>
/// <remarks>Equality compares size and padding; two descriptors are interchangeable exactly when they are equal.</remarks>
public sealed record LogicalDescriptor : ILogicalDescriptor
{
    /// <summary>Creates a descriptor of <paramref name="size"/> with optional padding.</summary>
    public LogicalDescriptor(Size size, Padding padding = default)
    {
        Size = size;
        Padding = padding;
        PaddedSize = new Size(
            checked(size.X + padding.XBegin + padding.XEnd),
            checked(size.Y + padding.YBegin + padding.YEnd),
            checked(size.Z + padding.ZBegin + padding.ZEnd),
            size.N);
    }

    /// <summary>The logical extent of the data.</summary>
    public Size Size { get; }

    /// <summary>Padding around each signal.</summary>
    public Padding Padding { get; }

    /// <summary>The extent in memory, padding included; N equals <see cref="Size"/>.N.</summary>
    public Size PaddedSize { get; }

    /// <summary>Whether any padding is present.</summary>
    public bool IsPadded => !Padding.IsNone;

    /// <summary>Elements the memory must hold: <see cref="PaddedSize"/>.Total.</summary>
    public long ElementCount => PaddedSize.Total;

    /// <summary>Elements between the starts of consecutive rows.</summary>
    public long RowStride => PaddedSize.X;

    /// <summary>Elements between the starts of consecutive planes.</summary>
    public long PlaneStride => (long)PaddedSize.X * PaddedSize.Y;

    /// <summary>Elements between the starts of consecutive signals.</summary>
    public long SignalStride => PaddedSize.Single;

    /// <summary>Number of data rows in the batch: Y·Z·N.</summary>
    public long RowCount => (long)Size.Y * Size.Z * Size.N;

    /// <summary>Linear element index of the first data element of row <paramref name="row"/>, counting rows over
    /// y, then z, then n (row = y + Y·(z + Z·n)).</summary>
    public long RowStart(long row)
    {
        long y = row % Size.Y;
        long rest = row / Size.Y;
        long z = rest % Size.Z;
        long n = rest / Size.Z;
        return (n * SignalStride) + ((z + Padding.ZBegin) * PlaneStride) + ((y + Padding.YBegin) * RowStride) + Padding.XBegin;
    }

    /// <inheritdoc />
    LogicalDescriptor ILogicalDescriptor.Layout => this;

    /// <inheritdoc />
    public IReadOnlyList<KeyValuePair<string, string>> Fields =>
    [
        new("Size.X", Size.X.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Size.Y", Size.Y.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Size.Z", Size.Z.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Size.N", Size.N.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Padding", Padding.ToString()),
    ];

    /// <summary>
    /// Linear element index of data element (x, y, z) of signal n, begin padding included.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A coordinate lies outside <see cref="Size"/>.</exception>
    public long Offset(int x, int y = 0, int z = 0, int n = 0)
    {
        if ((uint)x >= (uint)Size.X)
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, $"x must be in [0, {Size.X}).");
        }

        if ((uint)y >= (uint)Size.Y)
        {
            throw new ArgumentOutOfRangeException(nameof(y), y, $"y must be in [0, {Size.Y}).");
        }

        if ((uint)z >= (uint)Size.Z)
        {
            throw new ArgumentOutOfRangeException(nameof(z), z, $"z must be in [0, {Size.Z}).");
        }

        if ((uint)n >= (uint)Size.N)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, $"n must be in [0, {Size.N}).");
        }

        return OffsetUnchecked(x, y, z, n);
    }

    /// <summary>Like <see cref="Offset"/> without range checks, for loops that already guarantee them.</summary>
    public long OffsetUnchecked(int x, int y, int z, int n) =>
        (n * SignalStride)
        + ((z + Padding.ZBegin) * PlaneStride)
        + ((y + Padding.YBegin) * RowStride)
        + x + Padding.XBegin;

    /// <summary>The same layout with another batch count.</summary>
    public LogicalDescriptor WithN(int n) => new(Size.WithN(n), Padding);

    /// <summary>Formats as <c>size (padded padded-size)</c>.</summary>
    public override string ToString() => IsPadded ? $"{Size} (padding {Padding})" : Size.ToString();
}
