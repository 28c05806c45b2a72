namespace Oompa.Core.Data;

/// <summary>The element kinds Oompa payloads can hold.</summary>
public enum DataTypeKind
{
    /// <summary>32-bit IEEE float.</summary>
    Float32,

    /// <summary>64-bit IEEE float.</summary>
    Float64,

    /// <summary>Two interleaved 32-bit floats (real, imaginary).</summary>
    Complex32,

    /// <summary>Two interleaved 64-bit floats (real, imaginary).</summary>
    Complex64,

    /// <summary>Signed 16-bit integer.</summary>
    Int16,

    /// <summary>Unsigned 16-bit integer.</summary>
    UInt16,

    /// <summary>Unsigned 8-bit integer.</summary>
    Byte,

    /// <summary>16-bit IEEE float.</summary>
    Float16,

    /// <summary>A user-defined plain structure identified by name and byte size.</summary>
    Struct,
}
