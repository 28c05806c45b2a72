using System.Globalization;

namespace Oompa.Core.Data;

/// <summary>
/// Elements of padding before and after the data along each spatial axis. Begin padding shifts where data starts;
/// end padding lengthens rows, planes and volumes. Both are honoured by <see cref="LogicalDescriptor.Offset"/>.
/// </summary>
public readonly record struct Padding
{
    /// <summary>Creates a padding; every value must be zero or more.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is negative.</exception>
    public Padding(int xBegin = 0, int xEnd = 0, int yBegin = 0, int yEnd = 0, int zBegin = 0, int zEnd = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(xBegin);
        ArgumentOutOfRangeException.ThrowIfNegative(xEnd);
        ArgumentOutOfRangeException.ThrowIfNegative(yBegin);
        ArgumentOutOfRangeException.ThrowIfNegative(yEnd);
        ArgumentOutOfRangeException.ThrowIfNegative(zBegin);
        ArgumentOutOfRangeException.ThrowIfNegative(zEnd);
        XBegin = xBegin;
        XEnd = xEnd;
        YBegin = yBegin;
        YEnd = yEnd;
        ZBegin = zBegin;
        ZEnd = zEnd;
    }

    /// <summary>No padding.</summary>
    public static Padding None { get; }

    /// <summary>Elements before each row.</summary>
    public int XBegin { get; }

    /// <summary>Elements after each row.</summary>
    public int XEnd { get; }

    /// <summary>Rows before each plane.</summary>
    public int YBegin { get; }

    /// <summary>Rows after each plane.</summary>
    public int YEnd { get; }

    /// <summary>Planes before each volume.</summary>
    public int ZBegin { get; }

    /// <summary>Planes after each volume.</summary>
    public int ZEnd { get; }

    /// <summary>Whether every value is zero.</summary>
    public bool IsNone => this == default;

    /// <summary>Formats as <c>x[b,e] y[b,e] z[b,e]</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"x[{XBegin},{XEnd}] y[{YBegin},{YEnd}] z[{ZBegin},{ZEnd}]");
}
