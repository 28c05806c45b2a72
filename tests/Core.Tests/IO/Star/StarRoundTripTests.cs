using FsCheck;
using FsCheck.Fluent;
using Oompa.Core.IO.Star;

namespace Oompa.Core.Tests.IO.Star;

/// <summary>Writing then reading gives back the same blocks, columns and values.</summary>
public class StarRoundTripTests
{
    private static void AssertSame(StarFile expected, StarFile actual)
    {
        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal(expected.Blocks.Count, actual.Blocks.Count);
        for (int b = 0; b < expected.Blocks.Count; b++)
        {
            var e = expected.Blocks[b];
            var a = actual.Blocks[b];
            Assert.Equal(e.Name, a.Name);
            Assert.Equal(e.IsLoop, a.IsLoop);
            Assert.Equal(e.Columns, a.Columns);
            Assert.Equal(e.RowCount, a.RowCount);
            for (int r = 0; r < e.RowCount; r++)
            {
                foreach (string column in e.Columns)
                {
                    Assert.Equal(e.GetString(column, r), a.GetString(column, r));
                }
            }
        }
    }

    [Theory]
    [InlineData(RelionStarTests.Particles)]
    [InlineData(RelionStarTests.MotionCorrection)]
    public void RELION_files_survive_a_write_and_read(string text)
    {
        var original = StarFile.Parse(text);
        using var dir = new TempDirectory();
        string path = dir.File("out.star");
        original.Write(path);
        var back = StarFile.Read(path);
        AssertSame(original, back);
        Assert.Equal(["out.star"], dir.Entries());
        string written = File.ReadAllText(path);
        Assert.Contains("# version 30001", written, StringComparison.Ordinal);
    }

    [Fact]
    public void The_writer_aligns_columns_and_numbers_loop_labels()
    {
        var star = new StarFile();
        var loop = star.Add(StarBlock.CreateLoop("global_shift", "rlnMicrographFrameNumber", "_rlnMicrographShiftX"));
        loop.AddRow("1", "0.5");
        loop.AddRow("10", "-12.25");
        var text = star.ToText();
        Assert.Contains("_rlnMicrographFrameNumber #1 \n_rlnMicrographShiftX #2 \n", text, StringComparison.Ordinal);
        Assert.Contains("\n 1     0.5 \n10  -12.25 \n", text, StringComparison.Ordinal);
    }

    private static readonly Gen<string> Values = Gen.OneOf(
        Gen.Elements("0", "-1.5", "1e-7", "opticsGroup1", "000001@Particles/a b.mrcs", "", " ", "it's", "say \"hi\"",
            "_notAKey", "#notAComment", "data_x", "loop_", "a#b", "'", "\"", "x' y", "tab\there"),
        Gen.Choose(-100000, 100000).Select(i => (i / 7.0).ToString("R", System.Globalization.CultureInfo.InvariantCulture)),
        Gen.ArrayOf(Gen.Elements('a', 'Z', '9', ' ', '\'', '"', '_', '#', '@', '.', '-', '/', ';')).Select(c => new string(c)))
        .Where(v => !(v.Contains("' ", StringComparison.Ordinal) && v.Contains("\" ", StringComparison.Ordinal))
            && !(v.Contains("'\t", StringComparison.Ordinal) && v.Contains("\"\t", StringComparison.Ordinal)));

    private static readonly Gen<StarBlock> Blocks =
        from name in Gen.Elements("", "optics", "particles", "general", "b1")
        from isLoop in Gen.Elements(true, false)
        from columnCount in Gen.Choose(isLoop ? 1 : 0, 5)
        from rowCount in Gen.Choose(0, isLoop ? 6 : 1)
        from values in Gen.ArrayOf(Values, columnCount * Math.Max(rowCount, 1))
        select Build(name, isLoop, columnCount, rowCount, values);

    private static StarBlock Build(string name, bool isLoop, int columnCount, int rowCount, string[] values)
    {
        var columns = Enumerable.Range(0, columnCount).Select(c => $"rlnColumn{c}").ToArray();
        if (isLoop)
        {
            var loop = StarBlock.CreateLoop(name, columns);
            for (int r = 0; r < rowCount; r++)
            {
                loop.AddRow(values.AsSpan(r * columnCount, columnCount).ToArray());
            }

            return loop;
        }

        var list = StarBlock.CreateList(name);
        for (int c = 0; c < columnCount; c++)
        {
            list.Set(columns[c], values[c]);
        }

        return list;
    }

    [Fact]
    public void Random_blocks_with_awkward_values_round_trip() =>
        Prop.ForAll(Arb.From(Gen.ListOf(Blocks).Select(b => b.ToArray())), Arb.From(Gen.Elements<int?>(30001, null)), (blocks, version) =>
        {
            var star = new StarFile { Version = version };
            foreach (var block in blocks)
            {
                star.Add(block);
            }

            AssertSame(star, StarFile.Parse(star.ToText()));
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Values_that_cannot_be_written_fail_without_leaving_a_file()
    {
        using var dir = new TempDirectory();
        var star = new StarFile();
        star.Add(StarBlock.CreateList("general")).Set("rlnComment", "two\nlines");
        var e = Assert.Throws<InvalidOperationException>(() => star.Write(dir.File("bad.star")));
        Assert.Contains("'_rlnComment'", e.Message, StringComparison.Ordinal);
        Assert.Contains("line break", e.Message, StringComparison.Ordinal);
        Assert.Empty(dir.Entries());
    }

    [Fact]
    public void Values_set_from_numbers_read_back_exactly()
    {
        var star = new StarFile();
        var general = star.Add(StarBlock.CreateList("data_general"));
        general.Set("rlnImageSizeX", 4096);
        general.Set("rlnMicrographOriginalPixelSize", 0.1 + 0.2);
        var loop = star.Add(StarBlock.CreateLoop("global_shift", "rlnMicrographShiftX"));
        loop.AddRow("0");
        loop.Set("rlnMicrographShiftX", 0, -1.0 / 3);
        var back = StarFile.Parse(star.ToText());
        Assert.Equal(4096, back.Block("general").GetInt("rlnImageSizeX"));
        Assert.Equal(0.1 + 0.2, back.Block("general").GetDouble("rlnMicrographOriginalPixelSize"));
        Assert.Equal(-1.0 / 3, back.Block("global_shift").GetDouble("rlnMicrographShiftX", 0));
    }
}
