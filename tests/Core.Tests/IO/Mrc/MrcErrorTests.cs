using Oompa.Core.Data;
using Oompa.Core.IO.Mrc;

namespace Oompa.Core.Tests.IO.Mrc;

/// <summary>Broken or unsupported files fail with messages that name the file and the problem.</summary>
public class MrcErrorTests
{
    private static (TempDirectory Dir, byte[] Bytes) Valid()
    {
        var dir = new TempDirectory();
        MrcFile.Write(dir.File("valid.mrc"), new float[4 * 3 * 2], new Size(4, 3, 2));
        return (dir, File.ReadAllBytes(dir.File("valid.mrc")));
    }

    private static InvalidDataException ReadFails(TempDirectory dir, byte[] bytes, string name = "broken.mrc")
    {
        string path = dir.File(name);
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<InvalidDataException>(() => MrcFile.Read(path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        return e;
    }

    [Fact]
    public void A_truncated_file_states_expected_and_actual_sizes()
    {
        var (dir, bytes) = Valid();
        using var _ = dir;
        var e = ReadFails(dir, bytes[..^10]);
        Assert.Contains("truncated", e.Message, StringComparison.Ordinal);
        Assert.Contains("need 1120 bytes", e.Message, StringComparison.Ordinal);
        Assert.Contains("has 1110", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_extended_header_counts_towards_the_expected_size()
    {
        var (dir, bytes) = Valid();
        using var _ = dir;
        MrcBytes.SetInt(bytes, MrcBytes.Nsymbt, 100);
        var e = ReadFails(dir, bytes);
        Assert.Contains("100 extended-header bytes need 1220 bytes, but the file has 1120", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_and_short_files_are_not_MRC_files()
    {
        using var dir = new TempDirectory();
        var text = System.Text.Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("This is a text file, not a map. ", 64)));
        var e = ReadFails(dir, text, "notes.txt");
        Assert.Contains("is not an MRC file", e.Message, StringComparison.Ordinal);
        Assert.Contains("no 'MAP ' tag", e.Message, StringComparison.Ordinal);

        e = ReadFails(dir, new byte[100], "short.mrc");
        Assert.Contains("is not an MRC file: it has 100 bytes, fewer than the 1024-byte header", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(101)]
    [InlineData(5)]
    public void Unsupported_modes_are_named_with_the_supported_list(int mode)
    {
        var (dir, bytes) = Valid();
        using var _ = dir;
        MrcBytes.SetInt(bytes, MrcBytes.Mode, mode);
        var e = ReadFails(dir, bytes);
        Assert.Contains($"MRC mode {mode}, which is not supported", e.Message, StringComparison.Ordinal);
        Assert.Contains("0 (Int8), 1 (Int16), 2 (Float32), 4 (Complex32), 6 (UInt16), 12 (Float16)", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "nx=0")]
    [InlineData(4, "ny=0")]
    [InlineData(8, "nz=0")]
    public void Zero_dimensions_are_invalid(int offset, string named)
    {
        var (dir, bytes) = Valid();
        using var _ = dir;
        MrcBytes.SetInt(bytes, offset, 0);
        var e = ReadFails(dir, bytes);
        Assert.Contains("invalid dimensions", e.Message, StringComparison.Ordinal);
        Assert.Contains(named, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_axis_order_that_is_not_a_permutation_is_invalid()
    {
        var (dir, bytes) = Valid();
        using var _ = dir;
        MrcBytes.SetInt(bytes, MrcBytes.MapC + 4, 1);
        var e = ReadFails(dir, bytes);
        Assert.Contains("invalid axis order mapc/mapr/maps = 1,1,3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Real_and_complex_readers_refuse_the_other_kind()
    {
        using var dir = new TempDirectory();
        MrcFile.Write(dir.File("real.mrc"), new float[4], new Size(4));
        MrcFile.Write(dir.File("complex.mrc"), new ComplexF[4], new Size(4));
        var e = Assert.Throws<InvalidOperationException>(() => MrcFile.Read(dir.File("complex.mrc")));
        Assert.Contains("complex data (mode 4)", e.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => MrcFile.ReadComplex(dir.File("real.mrc")));
        Assert.Throws<ArgumentException>(() => MrcFile.Write(dir.File("x.mrc"), new float[4], new Size(4), new MrcWriteOptions { Mode = MrcMode.Complex32 }));
        Assert.Throws<ArgumentException>(() => MrcFile.Write(dir.File("x.mrc"), new ComplexF[4], new Size(4), new MrcWriteOptions { Mode = MrcMode.Float32 }));
    }

    [Fact]
    public void Section_ranges_outside_the_file_or_of_the_wrong_length_are_rejected()
    {
        var (dir, _) = Valid();
        using var __ = dir;
        string path = dir.File("valid.mrc");
        Assert.Throws<ArgumentOutOfRangeException>(() => MrcFile.ReadSections(path, 1, 2, new float[24]));
        Assert.Throws<ArgumentOutOfRangeException>(() => MrcFile.ReadSections(path, -1, 1, new float[12]));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => MrcFile.ReadSections(path, 0, 1, new float[11]));
        Assert.Contains("need 12", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_write_options_are_rejected()
    {
        using var dir = new TempDirectory();
        string path = dir.File("x.mrc");
        Assert.Throws<ArgumentException>(() => MrcFile.Write(path, new float[4], new Size(4), new MrcWriteOptions { PixelSize = 0 }));
        Assert.Throws<ArgumentException>(() => MrcFile.Write(path, new float[4], new Size(4), new MrcWriteOptions { Mode = (MrcMode)3 }));
        Assert.Throws<ArgumentException>(() => MrcFile.Write(path, new float[4], new Size(4), new MrcWriteOptions { Labels = [new string('a', 81)] }));
        Assert.Throws<ArgumentException>(() => MrcFile.Write(path, new float[5], new Size(4)));
        Assert.Empty(dir.Entries());
    }
}
