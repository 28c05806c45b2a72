using Oompa.Tuning.Spaces;

namespace Oompa.Tuning.Tests.Spaces;

public class TuningParameterTests
{
    [Fact]
    public void Keeps_order_default_and_positions()
    {
        var p = new TuningParameter("BLOCK", [32, 8, 16], 16);
        Assert.Equal([32L, 8, 16], p.Values);
        Assert.Equal(16, p.Default);
        Assert.Equal(1, p.IndexOf(8));
        Assert.Equal(-1, p.IndexOf(7));
        Assert.Equal(32, new TuningParameter("B", [32, 8]).Default);
        Assert.Equal("BLOCK ∈ {32, 8, 16} (default 16)", p.ToString());
    }

    [Fact]
    public void Boolean_has_candidates_zero_and_one()
    {
        var p = TuningParameter.Boolean("USE_LOCAL", defaultValue: true);
        Assert.Equal([0L, 1], p.Values);
        Assert.Equal(1, p.Default);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1ABC")]
    [InlineData("A-B")]
    [InlineData("A=B")]
    [InlineData("A B")]
    public void Rejects_names_that_are_not_identifiers(string name)
    {
        var e = Assert.Throws<ArgumentException>(() => new TuningParameter(name, [1]));
        Assert.Contains("identifier", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_empty_duplicate_and_foreign_default()
    {
        Assert.Contains("no candidate", Assert.Throws<ArgumentException>(() => new TuningParameter("A", [])).Message, StringComparison.Ordinal);
        Assert.Contains("twice", Assert.Throws<ArgumentException>(() => new TuningParameter("A", [1, 2, 1])).Message, StringComparison.Ordinal);
        Assert.Contains("Default 3", Assert.Throws<ArgumentException>(() => new TuningParameter("A", [1, 2], 3)).Message, StringComparison.Ordinal);
    }
}
