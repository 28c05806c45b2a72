namespace Oompa.Core.IO.Mrc;

/// <summary>The MRC2014 data modes Oompa reads and writes (the value is the header's <c>MODE</c> word).</summary>
/// <remarks>Modes 3 (complex int16) and 101 (packed 4-bit) are not supported: reading such a file fails with an
/// <see cref="InvalidDataException"/> that names the mode and lists these.</remarks>
public enum MrcMode
{
    /// <summary>Mode 0: 8-bit integers, signed as MRC2014 says (unsigned only when an IMOD header says so).</summary>
    Int8 = 0,

    /// <summary>Mode 1: signed 16-bit integers.</summary>
    Int16 = 1,

    /// <summary>Mode 2: 32-bit IEEE floats.</summary>
    Float32 = 2,

    /// <summary>Mode 4: complex numbers as pairs of 32-bit floats (real, imaginary).</summary>
    Complex32 = 4,

    /// <summary>Mode 6: unsigned 16-bit integers.</summary>
    UInt16 = 6,

    /// <summary>Mode 12: 16-bit IEEE floats (half precision).</summary>
    Float16 = 12,
}
