using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace Oompa.Core.IO.Mrc;

/// <summary>Turns the 1024 header bytes into an <see cref="MrcHeader"/> and back (byte offsets per MRC2014).</summary>
internal static class MrcHeaderCodec
{
    private const int LabelCount = 10;
    private const int LabelLength = 80;
    private const int MaxPlausibleExtent = 1 << 24;

    /// <summary>Parses and validates a header; <paramref name="path"/> names the file in messages.</summary>
    public static MrcHeader Parse(ReadOnlySpan<byte> bytes, string path)
    {
        if (bytes.Length < MrcHeader.Length)
        {
            throw new InvalidDataException($"'{path}' is not an MRC file: it has {bytes.Length} bytes, fewer than the {MrcHeader.Length}-byte header.");
        }

        bool mapTag = bytes.Slice(208, 4).SequenceEqual("MAP "u8);
        bool? stampBig = bytes[212] switch
        {
            0x44 => false,
            0x11 => true,
            _ => null,
        };

        bool preferBig = stampBig ?? false;
        bool big;
        if (IsPlausible(bytes, preferBig))
        {
            big = preferBig;
        }
        else if (IsPlausible(bytes, !preferBig))
        {
            big = !preferBig;
        }
        else
        {
            string tag = mapTag ? "it has the 'MAP ' tag" : "it has no 'MAP ' tag at byte 208";
            throw new InvalidDataException(
                $"'{path}' is not an MRC file: {tag} and its header is implausible in either byte order " +
                $"(little-endian nx={Int(bytes, 0, false)}, ny={Int(bytes, 4, false)}, nz={Int(bytes, 8, false)}, mode={Int(bytes, 12, false)}).");
        }

        var header = Read(bytes, big, mapTag);
        Validate(header, path);
        return header;
    }

    private static bool IsPlausible(ReadOnlySpan<byte> b, bool big)
    {
        for (int offset = 0; offset < 12; offset += 4)
        {
            int n = Int(b, offset, big);
            if (n is < 0 or >= MaxPlausibleExtent)
            {
                return false;
            }
        }

        int mode = Int(b, 12, big);
        return mode is >= 0 and < 1 << 16;
    }

    private static MrcHeader Read(ReadOnlySpan<byte> b, bool big, bool mapTag)
    {
        int mapc = Int(b, 64, big), mapr = Int(b, 68, big), maps = Int(b, 72, big);
        if (mapc == 0 && mapr == 0 && maps == 0)
        {
            (mapc, mapr, maps) = (1, 2, 3);
        }

        int labelCount = Math.Clamp(Int(b, 220, big), 0, LabelCount);
        var labels = new string[labelCount];
        for (int i = 0; i < labelCount; i++)
        {
            labels[i] = Text(b.Slice(224 + i * LabelLength, LabelLength));
        }

        return new MrcHeader
        {
            Nx = Int(b, 0, big),
            Ny = Int(b, 4, big),
            Nz = Int(b, 8, big),
            Mode = (MrcMode)Int(b, 12, big),
            NxStart = Int(b, 16, big),
            NyStart = Int(b, 20, big),
            NzStart = Int(b, 24, big),
            Mx = Int(b, 28, big),
            My = Int(b, 32, big),
            Mz = Int(b, 36, big),
            CellA = Vec(b, 40, big),
            CellB = Vec(b, 52, big),
            MapC = mapc,
            MapR = mapr,
            MapS = maps,
            DMin = Float(b, 76, big),
            DMax = Float(b, 80, big),
            DMean = Float(b, 84, big),
            Ispg = Int(b, 88, big),
            Nsymbt = Int(b, 92, big),
            ExtType = Text(b.Slice(104, 4)),
            NVersion = Int(b, 108, big),
            Int8IsUnsigned = Int(b, 152, big) == MrcHeader.ImodStamp && (Int(b, 156, big) & 1) == 0,
            Origin = Vec(b, 196, big),
            Rms = Float(b, 216, big),
            Labels = labels,
            IsBigEndian = big,
            HasMapTag = mapTag,
        };
    }

    private static void Validate(MrcHeader h, string path)
    {
        if (!MrcModes.IsSupported(h.Mode))
        {
            throw new InvalidDataException($"'{path}' uses MRC mode {(int)h.Mode}, which is not supported; supported modes are {MrcModes.SupportedList}.");
        }

        if (h.Nx < 1 || h.Ny < 1 || h.Nz < 1)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"'{path}' has invalid dimensions nx={h.Nx}, ny={h.Ny}, nz={h.Nz}: each must be at least 1."));
        }

        if (h.Nsymbt < 0)
        {
            throw new InvalidDataException($"'{path}' has a negative extended-header size nsymbt={h.Nsymbt}.");
        }

        int[] axes = [h.MapC, h.MapR, h.MapS];
        if (axes.Order().SequenceEqual([1, 2, 3]) == false)
        {
            throw new InvalidDataException($"'{path}' has an invalid axis order mapc/mapr/maps = {h.MapC},{h.MapR},{h.MapS}: it must be a permutation of 1, 2, 3.");
        }

        if (h.IsVolumeStack && !h.HasStandardAxisOrder)
        {
            throw new InvalidDataException($"'{path}' is a stack of volumes (ispg {h.Ispg}) with axis order {h.MapC},{h.MapR},{h.MapS}; stacks of volumes are read only in the standard order 1,2,3.");
        }
    }

    /// <summary>Writes a little-endian MRC2014 header.</summary>
    public static void Write(MrcHeader h, Span<byte> b)
    {
        b[..MrcHeader.Length].Clear();
        int[] words = [h.Nx, h.Ny, h.Nz, (int)h.Mode, h.NxStart, h.NyStart, h.NzStart, h.Mx, h.My, h.Mz];
        for (int i = 0; i < words.Length; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(b[(4 * i)..], words[i]);
        }

        WriteVec(b[40..], h.CellA);
        WriteVec(b[52..], h.CellB);
        BinaryPrimitives.WriteInt32LittleEndian(b[64..], h.MapC);
        BinaryPrimitives.WriteInt32LittleEndian(b[68..], h.MapR);
        BinaryPrimitives.WriteInt32LittleEndian(b[72..], h.MapS);
        BinaryPrimitives.WriteSingleLittleEndian(b[76..], h.DMin);
        BinaryPrimitives.WriteSingleLittleEndian(b[80..], h.DMax);
        BinaryPrimitives.WriteSingleLittleEndian(b[84..], h.DMean);
        BinaryPrimitives.WriteInt32LittleEndian(b[88..], h.Ispg);
        BinaryPrimitives.WriteInt32LittleEndian(b[92..], h.Nsymbt);
        WriteText(b.Slice(104, 4), h.ExtType, ' ', padEmpty: false);
        BinaryPrimitives.WriteInt32LittleEndian(b[108..], h.NVersion);
        if (h.Int8IsUnsigned)
        {
            BinaryPrimitives.WriteInt32LittleEndian(b[152..], MrcHeader.ImodStamp);
        }

        WriteVec(b[196..], h.Origin);
        "MAP "u8.CopyTo(b[208..]);
        b[212] = 0x44;
        b[213] = 0x44;
        BinaryPrimitives.WriteSingleLittleEndian(b[216..], h.Rms);
        int labelCount = Math.Min(h.Labels.Count, LabelCount);
        BinaryPrimitives.WriteInt32LittleEndian(b[220..], labelCount);
        for (int i = 0; i < LabelCount; i++)
        {
            WriteText(b.Slice(224 + i * LabelLength, LabelLength), i < labelCount ? h.Labels[i] : "", ' ', padEmpty: true);
        }
    }

    private static int Int(ReadOnlySpan<byte> b, int offset, bool big) =>
        big ? BinaryPrimitives.ReadInt32BigEndian(b[offset..]) : BinaryPrimitives.ReadInt32LittleEndian(b[offset..]);

    private static float Float(ReadOnlySpan<byte> b, int offset, bool big) =>
        big ? BinaryPrimitives.ReadSingleBigEndian(b[offset..]) : BinaryPrimitives.ReadSingleLittleEndian(b[offset..]);

    private static Vector3 Vec(ReadOnlySpan<byte> b, int offset, bool big) =>
        new(Float(b, offset, big), Float(b, offset + 4, big), Float(b, offset + 8, big));

    private static void WriteVec(Span<byte> b, Vector3 v)
    {
        BinaryPrimitives.WriteSingleLittleEndian(b, v.X);
        BinaryPrimitives.WriteSingleLittleEndian(b[4..], v.Y);
        BinaryPrimitives.WriteSingleLittleEndian(b[8..], v.Z);
    }

    private static string Text(ReadOnlySpan<byte> b) => Encoding.Latin1.GetString(b).TrimEnd(' ', '\0');

    private static void WriteText(Span<byte> b, string text, char pad, bool padEmpty)
    {
        if (text.Length == 0 && !padEmpty)
        {
            return;
        }

        for (int i = 0; i < b.Length; i++)
        {
            char c = i < text.Length ? text[i] : pad;
            b[i] = c is >= ' ' and <= '~' ? (byte)c : (byte)'?';
        }
    }
}
