using Oompa.Algorithms.FourierProcessing;

namespace Oompa.Algorithms.Tests.FourierProcessing;

public sealed class FourierProcessingSettingsTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(0.51)]
    [InlineData(double.NaN)]
    public void Max_frequency_outside_zero_to_half_is_rejected(double f) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new FourierProcessingSettings { MaxFrequency = f });

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NaN)]
    public void Gaussian_sigma_must_be_positive_and_finite(double s) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new FourierProcessingSettings { GaussianSigma = s });

    [Fact]
    public void Settings_are_values()
    {
        Assert.Equal(new FourierProcessingSettings { Center = true, MaxFrequency = 0.5 }, new FourierProcessingSettings { Center = true, MaxFrequency = 0.5 });
        Assert.NotEqual(FourierProcessingSettings.None, new FourierProcessingSettings { Shift = true });
    }
}
