using FsCheck;
using FsCheck.Fluent;
using Oompa.Core.Data;
using Oompa.Core.IO.Mrc;

namespace Oompa.Core.Tests.IO.Mrc;

/// <summary>Files other writers produce: big-endian, permuted axes, extended headers, unset version or machine stamp.</summary>
public class MrcFileVariantTests
{
    private static float[] Ramp(long count) => Enumerable.Range(0, (int)count).Select(i => (i * 0.5f) - 7f).ToArray();

    private static byte[] WriteLittle(TempDirectory dir, float[] data, Size size, MrcMode mode)
    {
        string path = dir.File("little.mrc");
        MrcFile.Write(path, data, size, new MrcWriteOptions { Mode = mode, PixelSize = 3f });
        return File.ReadAllBytes(path);
    }

    [Theory]
    [InlineData(MrcMode.Int8)]
    [InlineData(MrcMode.Int16)]
    [InlineData(MrcMode.Float32)]
    [InlineData(MrcMode.UInt16)]
    [InlineData(MrcMode.Float16)]
    public void Big_endian_files_read_like_their_little_endian_originals(MrcMode mode)
    {
        using var dir = new TempDirectory();
        var size = new Size(5, 3, 1, 4);
        var data = Ramp(size.Total).Select(v => mode == MrcMode.UInt16 ? v + 10 : v).ToArray();
        var little = WriteLittle(dir, data, size, mode);
        string path = dir.File("big.mrc");
        File.WriteAllBytes(path, MrcBytes.ToBigEndian(little, MrcModes.BytesPerElement(mode)));

        var back = MrcFile.Read(path);
        Assert.True(back.Header.IsBigEndian);
        Assert.Equal(size, back.Size);
        Assert.Equal(3f, back.PixelSize);
        Assert.Equal(MrcFile.Read(dir.File("little.mrc")).Data, back.Data);

        // Without a machine stamp the byte order is found from the plausibility of the dimensions and mode.
        var unstamped = File.ReadAllBytes(path);
        unstamped[MrcBytes.MachineStamp] = 0;
        unstamped[MrcBytes.MachineStamp + 1] = 0;
        File.WriteAllBytes(path, unstamped);
        Assert.True(MrcFile.ReadHeader(path).IsBigEndian);
        Assert.Equal(back.Data, MrcFile.Read(path).Data);
    }

    [Fact]
    public void Big_endian_complex_files_read()
    {
        using var dir = new TempDirectory();
        var data = Enumerable.Range(0, 12).Select(i => new ComplexF(i, -i * 0.25f)).ToArray();
        MrcFile.Write(dir.File("c.mrc"), data, new Size(4, 3));
        File.WriteAllBytes(dir.File("big.mrc"), MrcBytes.ToBigEndian(File.ReadAllBytes(dir.File("c.mrc")), 4));
        Assert.Equal(data, MrcFile.ReadComplex(dir.File("big.mrc")).Data);
    }

    [Fact]
    public void Any_axis_order_is_returned_x_fastest() =>
        Prop.ForAll(
            Arb.From(Gen.Elements((1, 2, 3), (1, 3, 2), (2, 1, 3), (2, 3, 1), (3, 1, 2), (3, 2, 1))),
            Arb.From(Gen.Three(Gen.Choose(1, 6))),
            (order, extent) =>
            {
                using var dir = new TempDirectory();
                int[] map = [order.Item1, order.Item2, order.Item3];
                int[] xyz = [extent.Item1, extent.Item2, extent.Item3];
                float Value(int x, int y, int z) => (x * 100) + (y * 10) + z;

                // File order: columns run along axis mapc, rows along mapr, sections along maps.
                int nx = xyz[map[0] - 1], ny = xyz[map[1] - 1], nz = xyz[map[2] - 1];
                var fileData = new float[nx * ny * nz];
                int i = 0;
                Span<int> p = stackalloc int[3];
                for (int s = 0; s < nz; s++)
                {
                    for (int r = 0; r < ny; r++)
                    {
                        for (int c = 0; c < nx; c++)
                        {
                            p[map[0] - 1] = c;
                            p[map[1] - 1] = r;
                            p[map[2] - 1] = s;
                            fileData[i++] = Value(p[0], p[1], p[2]);
                        }
                    }
                }

                MrcFile.Write(dir.File("raw.mrc"), fileData, new Size(nx, ny, nz), new MrcWriteOptions());
                var bytes = File.ReadAllBytes(dir.File("raw.mrc"));
                MrcBytes.SetInt(bytes, MrcBytes.Ispg, 1); // a volume, also when the file's nz is 1
                MrcBytes.SetInt(bytes, MrcBytes.MapC, map[0]);
                MrcBytes.SetInt(bytes, MrcBytes.MapC + 4, map[1]);
                MrcBytes.SetInt(bytes, MrcBytes.MapC + 8, map[2]);
                File.WriteAllBytes(dir.File("permuted.mrc"), bytes);

                var back = MrcFile.Read(dir.File("permuted.mrc"));
                Assert.Equal(new Size(xyz[0], xyz[1], xyz[2]), back.Size);
                for (int z = 0; z < xyz[2]; z++)
                {
                    for (int y = 0; y < xyz[1]; y++)
                    {
                        for (int x = 0; x < xyz[0]; x++)
                        {
                            Assert.Equal(Value(x, y, z), back.Data[x + (xyz[0] * (y + (xyz[1] * z)))]);
                        }
                    }
                }
            }).Check(Config.QuickThrowOnFailure.WithMaxTest(30));

    [Fact]
    public void Extended_headers_are_skipped()
    {
        using var dir = new TempDirectory();
        var size = new Size(4, 4, 1, 3);
        var data = Ramp(size.Total);
        var withExtended = MrcBytes.WithExtendedHeader(WriteLittle(dir, data, size, MrcMode.Float32), 3 * 128, "FEI1");
        string path = dir.File("ext.mrc");
        File.WriteAllBytes(path, withExtended);

        var back = MrcFile.Read(path);
        Assert.Equal(384, back.Header.Nsymbt);
        Assert.Equal("FEI1", back.Header.ExtType);
        Assert.Equal(1024 + 384, back.Header.DataOffset);
        Assert.Equal(data, back.Data);
        var middle = new float[16];
        MrcFile.ReadSections(path, 1, 1, middle);
        Assert.Equal(data.AsSpan(16, 16).ToArray(), middle);
    }

    [Fact]
    public void Version_zero_and_missing_machine_stamp_are_accepted_as_RELION_writes_them()
    {
        using var dir = new TempDirectory();
        var data = Ramp(12);
        var bytes = WriteLittle(dir, data, new Size(3, 4), MrcMode.Float32);
        MrcBytes.SetInt(bytes, MrcBytes.NVersion, 0);
        MrcBytes.SetInt(bytes, MrcBytes.MachineStamp, 0);
        string path = dir.File("relion.mrc");
        File.WriteAllBytes(path, bytes);
        var back = MrcFile.Read(path);
        Assert.Equal(0, back.Header.NVersion);
        Assert.False(back.Header.IsBigEndian);
        Assert.Equal(data, back.Data);
    }

    [Fact]
    public void Mode_0_is_signed_unless_an_IMOD_header_says_unsigned()
    {
        using var dir = new TempDirectory();
        var bytes = WriteLittle(dir, [-1f, 5f, -128f], new Size(3), MrcMode.Int8);
        string path = dir.File("bytes.mrc");
        File.WriteAllBytes(path, bytes);
        Assert.Equal([-1f, 5f, -128f], MrcFile.Read(path).Data);

        MrcBytes.SetInt(bytes, 152, MrcHeader.ImodStamp);
        MrcBytes.SetInt(bytes, 156, 0);
        File.WriteAllBytes(path, bytes);
        Assert.True(MrcFile.ReadHeader(path).Int8IsUnsigned);
        Assert.Equal([255f, 5f, 128f], MrcFile.Read(path).Data);

        MrcBytes.SetInt(bytes, 156, 1);
        File.WriteAllBytes(path, bytes);
        Assert.Equal([-1f, 5f, -128f], MrcFile.Read(path).Data);
    }

    [Fact]
    public void Old_files_without_the_map_tag_are_read_when_the_header_is_plausible()
    {
        using var dir = new TempDirectory();
        var bytes = WriteLittle(dir, Ramp(6), new Size(3, 2), MrcMode.Float32);
        "\0\0\0\0"u8.CopyTo(bytes.AsSpan(208));
        File.WriteAllBytes(dir.File("old.mrc"), bytes);
        var back = MrcFile.Read(dir.File("old.mrc"));
        Assert.False(back.Header.HasMapTag);
        Assert.Equal(Ramp(6), back.Data);
    }
}
