namespace Oompa.Samples.FlexAlign.Local.Tests;

public class PatchLayoutTests
{
    [Fact]
    public void Default_count_is_the_ceiling_of_frame_over_patch_and_patches_touch_both_edges()
    {
        var layout = PatchLayout.Create(4096, 3838, 500, 500);
        Assert.Equal((9, 8), (layout.CountX, layout.CountY));
        Assert.Equal(0, layout.X.Origins[0]);
        Assert.Equal(4096 - 500, layout.X.Origins[^1]);
        Assert.Equal(3838 - 500, layout.Y.Origins[^1]);
        var steps = layout.X.Origins.Zip(layout.X.Origins.Skip(1), (a, b) => b - a).ToArray();
        Assert.All(steps, s => Assert.InRange(s, 449, 450)); // evenly spaced (3596/8 = 449.5), overlapping (< 500)
        Assert.Equal(249.5, layout.X.Center(0));
        Assert.Equal(5, PatchAxis.DefaultCount(4096 * 1.0, 1000)); // ⌈4.096⌉; in Å or px alike
        Assert.Equal(4, PatchAxis.DefaultCount(4000, 1000));
    }

    [Fact]
    public void Patch_equal_to_the_frame_gives_one_patch()
    {
        var layout = PatchLayout.Create(100, 80, 100, 80);
        Assert.Equal(1, layout.Count);
        var p = layout[0];
        Assert.Equal((0, 0, 100, 80), (p.OriginX, p.OriginY, p.Width, p.Height));
        Assert.Equal((49.5, 39.5), (p.CenterX, p.CenterY));
    }

    [Fact]
    public void One_explicit_patch_is_centred()
    {
        var axis = new PatchAxis(101, 50, 1);
        Assert.Equal(25, axis.Origin(0));
    }

    [Fact]
    public void Many_patches_use_every_origin_and_more_are_refused()
    {
        var axis = new PatchAxis(20, 5, 16);
        Assert.Equal(Enumerable.Range(0, 16), axis.Origins);
        var e = Assert.Throws<ArgumentException>(() => new PatchAxis(20, 5, 17, "y"));
        Assert.Contains("16 distinct origins", e.Message, StringComparison.Ordinal);
        Assert.Contains("along y", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_sizes_are_refused_with_clear_messages()
    {
        var e = Assert.Throws<ArgumentException>(() => PatchLayout.Create(100, 100, 120, 50));
        Assert.Contains("larger than the frame", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => PatchLayout.Create(100, 100, 0, 50));
        Assert.Throws<ArgumentException>(() => PatchLayout.Create(100, 100, 50, 50, 0, 2));
        Assert.Throws<ArgumentException>(() => new PatchAxis(0, 1, 1));
    }

    [Fact]
    public void Patches_are_row_major()
    {
        var layout = PatchLayout.Create(300, 200, 100, 100, 3, 2);
        var all = layout.Patches().ToList();
        Assert.Equal(6, all.Count);
        Assert.Equal((1, 0), (all[1].IndexX, all[1].IndexY));
        Assert.Equal((0, 1), (all[3].IndexX, all[3].IndexY));
        Assert.Equal(100, all[3].OriginY);
        Assert.Equal(200, all[5].OriginX);
        Assert.Throws<ArgumentOutOfRangeException>(() => layout[6]);
    }
}
