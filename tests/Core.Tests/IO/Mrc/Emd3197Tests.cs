using Oompa.Core.Data;
using Oompa.Core.IO.Mrc;

namespace Oompa.Core.Tests.IO.Mrc;

/// <summary>Reads the real EMDB map EMD-3197 from the shared test data (values from shared/data/README.md).</summary>
public class Emd3197Tests
{
    private static string MapPath => SharedData.File("EMD-3197.map");

    private static float At(MrcData<float> map, int z, int y, int x) => map.Data[x + (map.Size.X * (y + (map.Size.Y * z)))];

    [Fact]
    public void Header_matches_the_published_map()
    {
        var h = MrcFile.ReadHeader(MapPath);
        Assert.Equal((20, 20, 20), (h.Nx, h.Ny, h.Nz));
        Assert.Equal(MrcMode.Float32, h.Mode);
        Assert.Equal(-2, h.NxStart);
        Assert.Equal((1, 2, 3), (h.MapC, h.MapR, h.MapS));
        Assert.Equal(1, h.Ispg);
        Assert.Equal(0, h.Nsymbt);
        Assert.Equal(0, h.NVersion);
        Assert.False(h.IsBigEndian);
        Assert.True(h.HasMapTag);
        Assert.Equal(228f, h.CellA.X);
        Assert.Equal(11.4f, h.PixelSize, 5);
        Assert.True(h.IsVolume);
        Assert.Equal(new Size(20, 20, 20, 1), h.DataSize);
        Assert.Equal(-4.1337f, h.DMin, 4);
        Assert.Equal(5.5767f, h.DMax, 4);
        Assert.Equal(0.78361f, h.DMean, 5);
        Assert.Equal(2.39995f, h.Rms, 5);
        Assert.Contains(h.Labels, l => l.Contains("EMD-3197", StringComparison.Ordinal));
    }

    [Fact]
    public void Voxels_match_known_values()
    {
        var map = MrcFile.Read(MapPath);
        Assert.Equal(new Size(20, 20, 20, 1), map.Size);
        Assert.Equal(11.4f, map.PixelSize, 5);
        Assert.Equal(-1.8013091f, At(map, 0, 0, 0), 6);
        Assert.Equal(4.6207790f, At(map, 9, 6, 13), 6);
        Assert.Equal(5.0373931f, At(map, 9, 6, 14), 6);
        Assert.Equal(1.3078574f, At(map, 19, 19, 19), 6);
        double sum = map.Data.Sum(v => (double)v);
        Assert.Equal(6268.896, sum, 2);
        Assert.Equal(-1, NonFiniteValues.IndexOfFirst(map.Data));
    }

    [Fact]
    public void Writing_and_reading_back_preserves_values_and_recomputes_the_header_statistics()
    {
        var map = MrcFile.Read(MapPath);
        using var dir = new TempDirectory();
        string copy = dir.File("copy.mrc");
        MrcFile.Write(copy, map.Data, map.Size, new MrcWriteOptions { PixelSize = map.PixelSize });
        var back = MrcFile.Read(copy);
        Assert.Equal(map.Data, back.Data);
        Assert.Equal(20140, back.Header.NVersion);
        Assert.Equal(1, back.Header.Ispg);
        Assert.Equal(11.4f, back.PixelSize, 5);
        // Statistics recomputed by the writer agree with those EMDB stored (tolerance: the header's float rounding).
        Assert.Equal(map.Header.DMin, back.Header.DMin, 5);
        Assert.Equal(map.Header.DMax, back.Header.DMax, 5);
        Assert.Equal(map.Header.DMean, back.Header.DMean, 5);
        Assert.Equal(map.Header.Rms, back.Header.Rms, 5);
    }

    [Fact]
    public void A_middle_range_of_sections_reads_without_the_rest()
    {
        var map = MrcFile.Read(MapPath);
        var slab = new float[3 * 20 * 20];
        MrcFile.ReadSections(MapPath, 9, 3, slab);
        Assert.Equal(map.Data.AsSpan(9 * 400, 3 * 400).ToArray(), slab);
        Assert.Equal(4.6207790f, slab[13 + (20 * 6)], 6);
    }
}
