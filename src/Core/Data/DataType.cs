using System.Numerics;

namespace Oompa.Core.Data;

/// <summary>
/// Portable element type of a payload: a kind plus, for structures, a name and a byte size. Equality compares all three,
/// and the textual form (<see cref="ToString"/>) is stable across processes and machines, so it can key persisted data.
/// </summary>
public readonly record struct DataType
{
    private DataType(DataTypeKind kind, int size, string? structName)
    {
        Kind = kind;
        Size = size;
        StructName = structName;
    }

    /// <summary>The element kind.</summary>
    public DataTypeKind Kind { get; }

    /// <summary>Bytes per element.</summary>
    public int Size { get; }

    /// <summary>Name of a <see cref="DataTypeKind.Struct"/> type; null otherwise.</summary>
    public string? StructName { get; }

    /// <summary>32-bit float.</summary>
    public static DataType Float32 { get; } = new(DataTypeKind.Float32, 4, null);

    /// <summary>64-bit float.</summary>
    public static DataType Float64 { get; } = new(DataTypeKind.Float64, 8, null);

    /// <summary>Single-precision complex.</summary>
    public static DataType Complex32 { get; } = new(DataTypeKind.Complex32, 8, null);

    /// <summary>Double-precision complex.</summary>
    public static DataType Complex64 { get; } = new(DataTypeKind.Complex64, 16, null);

    /// <summary>Signed 16-bit integer.</summary>
    public static DataType Int16 { get; } = new(DataTypeKind.Int16, 2, null);

    /// <summary>Unsigned 16-bit integer.</summary>
    public static DataType UInt16 { get; } = new(DataTypeKind.UInt16, 2, null);

    /// <summary>Unsigned byte.</summary>
    public static DataType Byte { get; } = new(DataTypeKind.Byte, 1, null);

    /// <summary>16-bit float.</summary>
    public static DataType Float16 { get; } = new(DataTypeKind.Float16, 2, null);

    /// <summary>A named plain structure of the given byte size.</summary>
    /// <exception cref="ArgumentException">The name is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The size is not positive.</exception>
    public static DataType Struct(int size, string name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new DataType(DataTypeKind.Struct, size, name);
    }

    /// <summary>The data type of an unmanaged .NET element type (float, double, <see cref="Complex"/> is not accepted:
    /// Oompa's complex types are interleaved single or double pairs).</summary>
    /// <exception cref="NotSupportedException">The type has no portable Oompa equivalent.</exception>
    public static DataType Of<T>()
        where T : unmanaged
    {
        if (typeof(T) == typeof(float))
        {
            return Float32;
        }

        if (typeof(T) == typeof(double))
        {
            return Float64;
        }

        if (typeof(T) == typeof(ComplexF))
        {
            return Complex32;
        }

        if (typeof(T) == typeof(short))
        {
            return Int16;
        }

        if (typeof(T) == typeof(ushort))
        {
            return UInt16;
        }

        if (typeof(T) == typeof(byte))
        {
            return Byte;
        }

        if (typeof(T) == typeof(Half))
        {
            return Float16;
        }

        throw new NotSupportedException($"The .NET type {typeof(T).Name} has no portable Oompa data type; use DataType.Struct for plain structures.");
    }

    /// <summary>Whether this is the element type of <typeparamref name="T"/> (same byte size, matching kind).</summary>
    public bool Is<T>()
        where T : unmanaged
        => Kind == DataTypeKind.Struct ? false : Of<T>() == this;

    /// <summary>A stable name such as <c>Float32</c> or <c>Struct(TraverseSpace,96)</c>.</summary>
    public override string ToString() => Kind == DataTypeKind.Struct ? $"Struct({StructName},{Size})" : Kind.ToString();
}
