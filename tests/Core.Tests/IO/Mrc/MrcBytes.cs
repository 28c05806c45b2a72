using System.Buffers.Binary;

namespace Oompa.Core.Tests.IO.Mrc;

/// <summary>Edits raw MRC bytes to build files that Oompa's writer does not produce (other byte orders, axis orders,
/// extended headers, broken headers). Offsets follow MRC2014; these helpers deliberately share no code with the library.</summary>
internal static class MrcBytes
{
    public const int Mode = 12;
    public const int MapC = 64;
    public const int Ispg = 88;
    public const int Nsymbt = 92;
    public const int ExtType = 104;
    public const int NVersion = 108;
    public const int MachineStamp = 212;

    public static int GetInt(byte[] bytes, int offset) => BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(offset));

    public static void SetInt(byte[] bytes, int offset, int value) => BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(offset), value);

    /// <summary>Converts a little-endian file to big-endian: every numeric header word and every data scalar is byte-swapped,
    /// the text fields ('MAP ', EXTTYP, labels) stay, and the machine stamp becomes 0x11 0x11.</summary>
    public static byte[] ToBigEndian(byte[] little, int scalarBytes)
    {
        var big = (byte[])little.Clone();
        for (int offset = 0; offset < 224; offset += 4)
        {
            if (offset is ExtType or 208 or MachineStamp)
            {
                continue;
            }

            Array.Reverse(big, offset, 4);
        }

        big[MachineStamp] = 0x11;
        big[MachineStamp + 1] = 0x11;
        int dataStart = 1024 + GetInt(little, Nsymbt);
        if (scalarBytes > 1)
        {
            for (int offset = dataStart; offset < big.Length; offset += scalarBytes)
            {
                Array.Reverse(big, offset, scalarBytes);
            }
        }

        return big;
    }

    /// <summary>Inserts an extended header of <paramref name="length"/> bytes (filled with a pattern) and sets NSYMBT and EXTTYP.</summary>
    public static byte[] WithExtendedHeader(byte[] file, int length, string extType)
    {
        var result = new byte[file.Length + length];
        file.AsSpan(0, 1024).CopyTo(result);
        for (int i = 0; i < length; i++)
        {
            result[1024 + i] = (byte)(0xA5 ^ i);
        }

        file.AsSpan(1024).CopyTo(result.AsSpan(1024 + length));
        SetInt(result, Nsymbt, length);
        System.Text.Encoding.ASCII.GetBytes(extType).CopyTo(result, ExtType);
        return result;
    }
}
