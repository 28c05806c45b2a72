using FsCheck;
using FsCheck.Fluent;
using Oompa.Tuning.Spaces;

namespace Oompa.Tuning.Tests.Spaces;

public class TuningConfigurationTests
{
    private static TuningConfiguration Of(params (string Name, long Value)[] pairs) =>
        new(pairs.Select(p => new KeyValuePair<string, long>(p.Name, p.Value)));

    [Fact]
    public void Key_is_sorted_by_name_and_equality_is_by_value()
    {
        var a = Of(("B", 32), ("A", 1), ("a", -4));
        var b = Of(("a", -4), ("A", 1), ("B", 32));
        Assert.Equal("A=1,B=32,a=-4", a.Key);
        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, a.With("B", 16));
        Assert.NotEqual(Of(("A", 1)), Of(("B", 1)));
    }

    [Fact]
    public void Defines_are_build_options()
    {
        var c = Of(("TILE", 16), ("USE_LOCAL", 1));
        Assert.Equal(["-D TILE=16", "-D USE_LOCAL=1"], c.ToDefines());
        Assert.Empty(TuningConfiguration.Empty.ToDefines());
    }

    [Fact]
    public void Lookup_and_with()
    {
        var c = Of(("A", 1));
        Assert.Equal(1, c["A"]);
        Assert.False(c.TryGetValue("Z", out _));
        var e = Assert.Throws<KeyNotFoundException>(() => c["Z"]);
        Assert.Contains("'Z'", e.Message, StringComparison.Ordinal);
        Assert.Equal("A=1,Z=3", c.With("Z", 3).Key);
        Assert.Equal("A=2", c.With("A", 2).Key);
    }

    [Fact]
    public void Rejects_duplicates_and_bad_names()
    {
        Assert.Throws<ArgumentException>(() => Of(("A", 1), ("A", 2)));
        Assert.Throws<ArgumentException>(() => Of(("A=B", 1)));
        Assert.Throws<ArgumentException>(() => Of(("", 1)));
    }

    [Theory]
    [InlineData("A")]
    [InlineData("A=")]
    [InlineData("=1")]
    [InlineData("A=1,A=2")]
    [InlineData("A=x")]
    public void Parse_rejects_malformed_text(string text) =>
        Assert.Throws<FormatException>(() => TuningConfiguration.Parse(text));

    [Fact]
    public void Parse_reads_back_the_key_for_any_configuration() =>
        Prop.ForAll(Arb.From(Gen.ListOf(Gen.Choose(-1000, 1000)).Select(l => l.Distinct().ToArray())), values =>
        {
            var c = new TuningConfiguration(values.Select((v, i) => new KeyValuePair<string, long>($"P{v}_{i}", v * 1_000_000_007L)));
            return TuningConfiguration.Parse(c.Key) == c && TuningConfiguration.Parse(c.Key).Key == c.Key;
        }).QuickCheckThrowOnFailure();
}
