namespace Oompa.Core.IO.Mrc;

/// <summary>Facts about <see cref="MrcMode"/> values: which are supported, their sizes and value ranges.</summary>
public static class MrcModes
{
    /// <summary>Every supported mode, in the order of their numbers.</summary>
    public static IReadOnlyList<MrcMode> Supported { get; } =
        [MrcMode.Int8, MrcMode.Int16, MrcMode.Float32, MrcMode.Complex32, MrcMode.UInt16, MrcMode.Float16];

    /// <summary>Whether <paramref name="mode"/> is one Oompa reads and writes.</summary>
    public static bool IsSupported(MrcMode mode) => mode is MrcMode.Int8 or MrcMode.Int16 or MrcMode.Float32
        or MrcMode.Complex32 or MrcMode.UInt16 or MrcMode.Float16;

    /// <summary>Whether the mode stores complex numbers.</summary>
    public static bool IsComplex(MrcMode mode) => mode == MrcMode.Complex32;

    /// <summary>Bytes of one element (a complex element counts as one: 8 bytes in mode 4).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The mode is not supported.</exception>
    public static int BytesPerElement(MrcMode mode) => mode switch
    {
        MrcMode.Int8 => 1,
        MrcMode.Int16 or MrcMode.UInt16 or MrcMode.Float16 => 2,
        MrcMode.Float32 => 4,
        MrcMode.Complex32 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, $"MRC mode {(int)mode} is not supported; supported modes are {SupportedList}."),
    };

    /// <summary>Bytes of one stored scalar (a complex element holds two).</summary>
    internal static int BytesPerScalar(MrcMode mode) => mode == MrcMode.Complex32 ? 4 : BytesPerElement(mode);

    /// <summary>The supported modes as text for messages, e.g. <c>0 (Int8), 1 (Int16), ...</c>.</summary>
    public static string SupportedList { get; } = string.Join(", ", Supported.Select(m => $"{(int)m} ({m})"));

    /// <summary>The inclusive range of values an integer mode stores; null for floating-point modes.</summary>
    /// <param name="mode">The mode.</param>
    /// <param name="int8IsUnsigned">For mode 0: whether bytes are unsigned (an IMOD file without the signed flag).</param>
    public static (int Min, int Max)? IntegerRange(MrcMode mode, bool int8IsUnsigned = false) => mode switch
    {
        MrcMode.Int8 => int8IsUnsigned ? (byte.MinValue, byte.MaxValue) : (sbyte.MinValue, sbyte.MaxValue),
        MrcMode.Int16 => (short.MinValue, short.MaxValue),
        MrcMode.UInt16 => (ushort.MinValue, ushort.MaxValue),
        _ => null,
    };
}
