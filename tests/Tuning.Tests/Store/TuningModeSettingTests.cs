using Oompa.Tuning.Store;

namespace Oompa.Tuning.Tests.Store;

public class TuningModeSettingTests
{
    [Theory]
    [InlineData("off", TuningMode.Off, null)]
    [InlineData("use-stored", TuningMode.UseStored, null)]
    [InlineData("tune", TuningMode.Tune, null)]
    [InlineData("tune:50", TuningMode.Tune, 50)]
    [InlineData("  Tune:7 ", TuningMode.Tune, 7)]
    [InlineData("RETUNE", TuningMode.Retune, null)]
    [InlineData("retune:3", TuningMode.Retune, 3)]
    public void Parses_accepted_forms_and_prints_them_back(string text, TuningMode mode, int? budget)
    {
        var s = TuningModeSetting.Parse(text);
        Assert.Equal(mode, s.Mode);
        Assert.Equal(budget, s.Budget);
        Assert.Equal(s, TuningModeSetting.Parse(s.ToString()));
    }

    [Theory]
    [InlineData("", "Unknown tuning mode")]
    [InlineData("on", "Unknown tuning mode")]
    [InlineData("use_stored", "Unknown tuning mode")]
    [InlineData("tune:", "not a positive whole number")]
    [InlineData("tune:0", "not a positive whole number")]
    [InlineData("tune:-5", "not a positive whole number")]
    [InlineData("tune:abc", "not a positive whole number")]
    [InlineData("tune:99999999999", "not a positive whole number")]
    [InlineData("off:5", "takes no budget")]
    [InlineData("use-stored:5", "takes no budget")]
    public void Rejects_other_text_with_the_accepted_forms(string text, string why)
    {
        var e = Assert.Throws<FormatException>(() => TuningModeSetting.Parse(text));
        Assert.Contains(why, e.Message, StringComparison.Ordinal);
        Assert.Contains("'use-stored'", e.Message, StringComparison.Ordinal);
        Assert.False(TuningModeSetting.TryParse(text, out _, out var error));
        Assert.Equal(e.Message, error);
    }

    [Fact]
    public void Environment_variable_or_fallback()
    {
        var fallback = new TuningModeSetting(TuningMode.UseStored);
        Assert.Equal(fallback, TuningModeSetting.FromEnvironment(fallback, _ => null));
        Assert.Equal(fallback, TuningModeSetting.FromEnvironment(fallback, _ => " "));
        Assert.Equal(new TuningModeSetting(TuningMode.Tune, 50), TuningModeSetting.FromEnvironment(fallback, n => n == "OOMPA_TUNING" ? "tune:50" : null));
        var e = Assert.Throws<FormatException>(() => TuningModeSetting.FromEnvironment(fallback, _ => "fast"));
        Assert.StartsWith("OOMPA_TUNING:", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new TuningModeSetting(TuningMode.Off, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TuningModeSetting(TuningMode.Tune, 0));
    }
}
