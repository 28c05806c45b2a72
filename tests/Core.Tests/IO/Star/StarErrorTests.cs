using Oompa.Core.IO.Star;

namespace Oompa.Core.Tests.IO.Star;

/// <summary>Malformed files and bad lookups fail with messages that name the file, block, column, row and line.</summary>
public class StarErrorTests
{
    private static InvalidDataException ParseFails(string text)
    {
        var e = Assert.Throws<InvalidDataException>(() => StarFile.Parse(text, "broken.star"));
        Assert.StartsWith("STAR file 'broken.star', line ", e.Message, StringComparison.Ordinal);
        return e;
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_values_names_its_line()
    {
        var e = ParseFails("data_particles\n\nloop_\n_rlnAngleRot #1\n_rlnAngleTilt #2\n1 2\n3 4 5\n");
        Assert.Equal("STAR file 'broken.star', line 7: the row has 3 values but the loop of block 'data_particles' has 2 columns.", e.Message);
        e = ParseFails("data_particles\nloop_\n_rlnAngleRot #1\n_rlnAngleTilt #2\n1\n");
        Assert.Contains("line 5: the row has 1 values", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("_rlnImageSizeX 5\n", "line 1: '_rlnImageSizeX' appears before any data_ block")]
    [InlineData("1 2 3\n", "line 1: '1' appears before any data_ block")]
    [InlineData("data_general\n_rlnImageSizeX\n", "line 2: the key _rlnImageSizeX needs exactly one value; found 0")]
    [InlineData("data_general\n_rlnImageSizeX 1 2\n", "line 2: the key _rlnImageSizeX needs exactly one value; found 2")]
    [InlineData("data_general\n_rlnA 1\n_rlnA 2\n", "line 3: block 'data_general' already has the key _rlnA")]
    [InlineData("data_general\n_rlnMicrographMovieName \"movie 1.tiff\n", "line 2: the quoted text starting at column 25 is not closed")]
    [InlineData("data_x\nloop_\n_rlnA #1\n_rlnA #2\n", "line 4: the loop of block 'data_x' already has a column _rlnA")]
    [InlineData("data_x\nloop_\n\ndata_y\n", "line 4: the loop of block 'data_x' has no columns")]
    [InlineData("data_x\nloop_\n_rlnA #1\n1\n_rlnB 2\n", "line 5: the key _rlnB follows the rows of the loop in block 'data_x'")]
    [InlineData("data_x\n_rlnB 2\nloop_\n_rlnA\n", "line 3: block 'data_x' already has key-value pairs")]
    [InlineData("data_x\nloop_\n_rlnA\n1\nloop_\n", "line 5: block 'data_x' already has a loop")]
    [InlineData("data_x\n_rlnA 1\n7\n", "line 3: the value '7' is outside a loop and follows no key")]
    [InlineData("data_x\n;\ntext\n;\n", "line 2: semicolon-delimited text fields are not supported")]
    [InlineData("data_x extra\n", "line 1: unexpected 'extra' after data_ block name")]
    [InlineData("global_\n", "line 1: 'global_' (STAR global, save or stop frames) is not supported")]
    public void Malformed_input_is_reported_with_its_line(string text, string expected)
    {
        var e = ParseFails(text);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_columns_and_blocks_are_named_with_what_exists()
    {
        var star = StarFile.Parse(RelionStarTests.Particles, "particles.star");
        var e = Assert.Throws<InvalidDataException>(() => star.Block("particles").GetDouble("_rlnDefocusV", 0));
        Assert.StartsWith("Block 'data_particles' of 'particles.star' has no column '_rlnDefocusV' (columns: _rlnCoordinateX, _rlnCoordinateY,", e.Message, StringComparison.Ordinal);

        e = Assert.Throws<InvalidDataException>(() => star.Block("data_micrographs"));
        Assert.Equal("STAR file 'particles.star' has no block 'data_micrographs' (blocks: data_optics, data_particles, data_notes).", e.Message);

        var general = StarFile.Parse(RelionStarTests.MotionCorrection, "mc.star").Block("general");
        e = Assert.Throws<InvalidDataException>(() => general.GetInt("rlnImageSizeW"));
        Assert.Contains("has no key '_rlnImageSizeW' (keys: _rlnImageSizeX,", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unparseable_values_name_block_column_row_and_line()
    {
        var star = StarFile.Parse("data_particles\nloop_\n_rlnAngleRot #1\n_rlnOpticsGroup #2\n_rlnImageName #3\n1.5 1 1@a.mrcs\nabc 1.5 a@b\n", "p.star");
        var block = star.Block("particles");
        var e = Assert.Throws<InvalidDataException>(() => block.GetDouble("rlnAngleRot", 1));
        Assert.Equal("Block 'data_particles' of 'p.star', column '_rlnAngleRot', row 1 (line 7): 'abc' is not a number.", e.Message);
        e = Assert.Throws<InvalidDataException>(() => block.GetInt("_rlnOpticsGroup", 1));
        Assert.Contains("column '_rlnOpticsGroup', row 1 (line 7): '1.5' is not a 32-bit integer", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<InvalidDataException>(() => block.GetImageName("_rlnImageName", 1));
        Assert.Contains("'a@b' is not an image name", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => block.GetDouble("rlnAngleRot", 2));

        var general = StarFile.Parse("data_general\n\n_rlnImageSizeX 4096\n_rlnImageSizeY big\n", "g.star").Block("general");
        e = Assert.Throws<InvalidDataException>(() => general.GetInt("rlnImageSizeY"));
        Assert.Equal("Block 'data_general' of 'g.star', key '_rlnImageSizeY' (line 4): 'big' is not a 32-bit integer.", e.Message);
    }

    [Fact]
    public void Building_blocks_checks_shapes_and_kinds()
    {
        var loop = StarBlock.CreateLoop("x", "rlnA", "rlnB");
        Assert.Throws<ArgumentException>(() => loop.AddRow("1"));
        Assert.Throws<ArgumentException>(() => loop.AddColumn("_rlnA"));
        Assert.Throws<InvalidOperationException>(() => loop.Set("rlnA", "1"));
        loop.AddRow("1", "2");
        loop.AddColumn("rlnC", "fill");
        Assert.Equal("fill", loop.GetString("rlnC", 0));
        var list = StarBlock.CreateList("y");
        Assert.Throws<InvalidOperationException>(() => list.AddRow("1"));
        var star = new StarFile();
        star.Add(StarBlock.CreateLoop("empty"));
        Assert.Throws<InvalidOperationException>(star.ToText);
    }
}
