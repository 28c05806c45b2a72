using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Oompa.Core.IO.Mrc;

/// <summary>Converts stored MRC scalars to and from 32-bit floats (a complex element is two scalars).</summary>
internal static class MrcSampleCodec
{
    /// <summary>Decodes <paramref name="source"/> (whole scalars of <paramref name="mode"/>) into floats.</summary>
    public static void Decode(MrcMode mode, bool bigEndian, bool int8Unsigned, ReadOnlySpan<byte> source, Span<float> destination)
    {
        int n = destination.Length;
        switch (mode)
        {
            case MrcMode.Int8 when int8Unsigned:
                for (int i = 0; i < n; i++)
                {
                    destination[i] = source[i];
                }

                break;
            case MrcMode.Int8:
                var signedBytes = MemoryMarshal.Cast<byte, sbyte>(source);
                for (int i = 0; i < n; i++)
                {
                    destination[i] = signedBytes[i];
                }

                break;
            case MrcMode.Int16:
                var shorts = MemoryMarshal.Cast<byte, short>(source)[..n];
                for (int i = 0; i < n; i++)
                {
                    destination[i] = bigEndian ? BinaryPrimitives.ReverseEndianness(shorts[i]) : shorts[i];
                }

                break;
            case MrcMode.UInt16:
                var ushorts = MemoryMarshal.Cast<byte, ushort>(source)[..n];
                for (int i = 0; i < n; i++)
                {
                    destination[i] = bigEndian ? BinaryPrimitives.ReverseEndianness(ushorts[i]) : ushorts[i];
                }

                break;
            case MrcMode.Float16:
                var halves = MemoryMarshal.Cast<byte, ushort>(source)[..n];
                for (int i = 0; i < n; i++)
                {
                    ushort bits = bigEndian ? BinaryPrimitives.ReverseEndianness(halves[i]) : halves[i];
                    destination[i] = (float)BitConverter.UInt16BitsToHalf(bits);
                }

                break;
            case MrcMode.Float32 or MrcMode.Complex32:
                var words = MemoryMarshal.Cast<byte, int>(source)[..n];
                var target = MemoryMarshal.Cast<float, int>(destination);
                if (bigEndian != !BitConverter.IsLittleEndian)
                {
                    BinaryPrimitives.ReverseEndianness(words, target);
                }
                else
                {
                    words.CopyTo(target);
                }

                break;
            default:
                throw new InvalidDataException($"MRC mode {(int)mode} is not supported; supported modes are {MrcModes.SupportedList}.");
        }
    }

    /// <summary>
    /// Encodes floats little-endian into <paramref name="destination"/> and writes the value each element stores (for
    /// complex data its amplitude) into <paramref name="stored"/> for the statistics. Integer modes round to nearest
    /// (ties to even) and reject values outside their range; <paramref name="firstIndex"/> numbers elements in messages.
    /// </summary>
    /// <exception cref="ArgumentException">An integer mode was given a value it cannot store.</exception>
    public static void Encode(MrcMode mode, ReadOnlySpan<float> source, Span<byte> destination, Span<float> stored, long firstIndex)
    {
        int n = source.Length;
        var range = MrcModes.IntegerRange(mode);
        switch (mode)
        {
            case MrcMode.Int8:
            case MrcMode.Int16:
            case MrcMode.UInt16:
                var (min, max) = range!.Value;
                for (int i = 0; i < n; i++)
                {
                    float r = MathF.Round(source[i]);
                    if (!(r >= min && r <= max))
                    {
                        throw OutOfRange(mode, source[i], firstIndex + i, min, max);
                    }

                    stored[i] = r;
                    if (mode == MrcMode.Int8)
                    {
                        destination[i] = (byte)(sbyte)r;
                    }
                    else if (mode == MrcMode.Int16)
                    {
                        BinaryPrimitives.WriteInt16LittleEndian(destination[(2 * i)..], (short)r);
                    }
                    else
                    {
                        BinaryPrimitives.WriteUInt16LittleEndian(destination[(2 * i)..], (ushort)r);
                    }
                }

                break;
            case MrcMode.Float16:
                for (int i = 0; i < n; i++)
                {
                    var h = (Half)source[i];
                    stored[i] = (float)h;
                    BinaryPrimitives.WriteUInt16LittleEndian(destination[(2 * i)..], BitConverter.HalfToUInt16Bits(h));
                }

                break;
            case MrcMode.Float32:
                WriteFloats(source, destination);
                source.CopyTo(stored);
                break;
            case MrcMode.Complex32:
                WriteFloats(source, destination);
                for (int i = 0; i < n / 2; i++)
                {
                    float re = source[2 * i], im = source[(2 * i) + 1];
                    stored[i] = MathF.Sqrt((re * re) + (im * im));
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(mode), mode, $"MRC mode {(int)mode} is not supported; supported modes are {MrcModes.SupportedList}.");
        }
    }

    private static void WriteFloats(ReadOnlySpan<float> source, Span<byte> destination)
    {
        var target = MemoryMarshal.Cast<byte, int>(destination[..(source.Length * 4)]);
        var words = MemoryMarshal.Cast<float, int>(source);
        if (BitConverter.IsLittleEndian)
        {
            words.CopyTo(target);
        }
        else
        {
            BinaryPrimitives.ReverseEndianness(words, target);
        }
    }

    private static ArgumentException OutOfRange(MrcMode mode, float value, long index, int min, int max) => new(
        string.Create(CultureInfo.InvariantCulture,
            $"The value {value} at element {index} cannot be stored in MRC mode {(int)mode} ({mode}): it must be finite and round to an integer in {min}..{max}."),
        "data");
}
