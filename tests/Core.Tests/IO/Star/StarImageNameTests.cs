using FsCheck;
using FsCheck.Fluent;
using Oompa.Core.IO.Star;

namespace Oompa.Core.Tests.IO.Star;

public class StarImageNameTests
{
    [Theory]
    [InlineData("000001@Particles/mic1.mrcs", 1, "Particles/mic1.mrcs")]
    [InlineData("42@a.mrcs", 42, "a.mrcs")]
    [InlineData("7@dir@odd/x.mrcs", 7, "dir@odd/x.mrcs")]
    [InlineData("Movies/gain.mrc", 0, "Movies/gain.mrc")]
    public void Parses_index_and_path(string text, int index, string path)
    {
        var name = StarImageName.Parse(text);
        Assert.Equal(index, name.Index);
        Assert.Equal(path, name.Path);
        Assert.Equal(index > 0, name.HasIndex);
        Assert.Equal(Math.Max(0, index - 1), name.Section);
    }

    [Theory]
    [InlineData("0@a.mrcs", "1-based")]
    [InlineData("-3@a.mrcs", "positive integer")]
    [InlineData("x@a.mrcs", "positive integer")]
    [InlineData("@a.mrcs", "positive integer")]
    [InlineData("5@", "path after '@' is empty")]
    [InlineData("", "empty")]
    public void Rejects_malformed_names(string text, string problem)
    {
        Assert.False(StarImageName.TryParse(text, out _));
        var e = Assert.Throws<FormatException>(() => StarImageName.Parse(text));
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Formats_as_RELION_and_parses_back() =>
        Prop.ForAll(Arb.From(Gen.Choose(1, 2_000_000)), index =>
        {
            var name = new StarImageName(index, "Extract/job007/a.mrcs");
            string text = name.ToString();
            return StarImageName.Parse(text) == name && (index >= 1_000_000 || text.IndexOf('@', StringComparison.Ordinal) == 6);
        }).QuickCheckThrowOnFailure();
}
